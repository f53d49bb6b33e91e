package com.example.qlik;

import org.apache.camel.builder.RouteBuilder;

/** Qlik pushes license events to /qlik/license-events, served by Quarkus' HTTP server; the route registers it. */
public class WebhookRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("webhook:qlik-license-events:licenses?webhookPath=/qlik/license-events").routeId("license-webhook")
                .process(exchange -> PollAndKameletRoutes.record(exchange, "license-webhook"));
    }
}
