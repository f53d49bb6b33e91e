package com.example.qlik;

import io.github.qlikevents.camel.model.QlikEvent;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Qlik pushes license events to /qlik/license-events; the route registers that webhook with the tenant itself. */
@Component
public class LicenseWebhookRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("webhook:qlik-license-events:licenses?webhookPath=/qlik/license-events"
             + "&webhookExternalUrl={{qlik.webhook.external-url}}").routeId("license-webhook")
                .process(exchange -> WebhookApplication.RECEIVED.add(exchange.getMessage().getBody(QlikEvent.class)));
    }
}
