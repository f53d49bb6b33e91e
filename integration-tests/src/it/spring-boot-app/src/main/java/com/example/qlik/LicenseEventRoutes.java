package com.example.qlik;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Poll mode and webhook mode side by side: the poller reads the tenant's license events from a day back; the webhook
 * route registers its webhook with the tenant and receives what Qlik pushes to /qlik/license-events.
 */
@Component
public class LicenseEventRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("qlik-license-events:licenses?since=P1D&delay=500").routeId("licenses")
                .log("polled ${header.CamelCloudEventID} as ${body.getClass().getSimpleName()}");
        from("webhook:qlik-license-events:licenses?webhookComponentName=platform-http"
             + "&webhookPath=/qlik/license-events&webhookExternalUrl={{qlik.webhook.external-url}}")
                .routeId("license-webhook")
                .log("pushed ${header.CamelCloudEventID} as ${body.getClass().getSimpleName()}");
    }
}
