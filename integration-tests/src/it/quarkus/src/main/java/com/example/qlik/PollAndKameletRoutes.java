package com.example.qlik;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * License events polled with the component's own options; the Kamelet in both output formats: role events as typed
 * bodies, license events as CloudEvents (two Kamelets of one tenant and channel would be one endpoint, consumed twice).
 */
public class PollAndKameletRoutes extends RouteBuilder {

    static final String KAMELET = "kamelet:qlik-license-events-source?apiKey={{qlik.api-key}}&since=P1D";

    @Override
    public void configure() {
        from("qlik-license-events:licenses?since=P1D").routeId("licenses")
                .process(exchange -> record(exchange, "licenses"));
        from(KAMELET + "&tenantUrl={{qlik.roles.tenant-url}}&channel=roles&outputFormat=qlik-license-events:event")
                .routeId("kamelet-typed")
                .process(exchange -> record(exchange, "kamelet-typed"));
        from(KAMELET + "&tenantUrl={{qlik.licenses.tenant-url}}&channel=licenses"
             + "&outputFormat=qlik-license-events:application-cloudevents").routeId("kamelet-cloudevents")
                .convertBodyTo(String.class)
                .process(exchange -> record(exchange, "kamelet-cloudevents"));
    }

    static void record(Exchange exchange, String route) {
        Received.add(route, exchange.getMessage().getHeader("CamelCloudEventID", String.class),
                exchange.getMessage().getBody());
    }
}
