package com.example.qlik;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.github.qlikevents.camel.QlikLicenseEventsComponent;
import io.github.qlikevents.camel.QlikLicenseEventsConstants;
import io.github.qlikevents.camel.model.LeaseEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A plain Java application: every lease event of the tenant as one line (event id, type, lease, leased of licensed,
 * over capacity or not) appended to a file. Tenant and API key come from QLIK_TENANT_URL and QLIK_API_KEY.
 */
public final class LeaseAlerts {

    private LeaseAlerts() {
    }

    public static void main(String[] args) throws Exception {
        try (CamelContext context = start(System.getenv("QLIK_TENANT_URL"), System.getenv("QLIK_API_KEY"),
                Path.of(args.length > 0 ? args[0] : "lease-alerts.txt"))) {
            Thread.currentThread().join();
        }
    }

    /** Starts the application and returns its running context. */
    public static CamelContext start(String tenantUrl, String apiKey, Path alerts) throws Exception {
        CamelContext context = new DefaultCamelContext();
        QlikLicenseEventsComponent qlik = context.getComponent("qlik-license-events", QlikLicenseEventsComponent.class);
        qlik.getConfiguration().setTenantUrl(tenantUrl);
        qlik.getConfiguration().setApiKey(apiKey);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("qlik-license-events:licenses?eventTypes=com.qlik.v1.license.lease.*&since=P1D&delay=200")
                        .routeId("lease-alerts")
                        .process(exchange -> {
                            LeaseEvent lease = exchange.getMessage().getBody(LeaseEvent.class);
                            String line = String.join(" ",
                                    exchange.getMessage().getHeader(QlikLicenseEventsConstants.EVENT_ID, String.class),
                                    exchange.getMessage().getHeader(QlikLicenseEventsConstants.EVENT_TYPE, String.class),
                                    lease.name(), lease.leasedQuantity() + "/" + lease.licenseQuantity(),
                                    lease.overCapacity() ? "OVER" : "ok");
                            Files.writeString(alerts, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                                    StandardOpenOption.APPEND);
                        });
            }
        });
        context.start();
        return context;
    }
}
