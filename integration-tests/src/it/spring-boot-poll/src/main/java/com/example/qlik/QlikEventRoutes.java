package com.example.qlik;

import io.github.qlikevents.camel.model.QlikEvent;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** License events under qlik-license-events:, role events under qlik-events:, each configured by its own prefix. */
@Component
public class QlikEventRoutes extends RouteBuilder {

    private final EventLedger ledger;

    public QlikEventRoutes(EventLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void configure() {
        from("qlik-license-events:licenses?since=P1D").routeId("licenses")
                .process(exchange -> ledger.record("licenses",
                        exchange.getMessage().getHeader("CamelCloudEventID", String.class),
                        exchange.getMessage().getBody(QlikEvent.class)));
        from("qlik-events:roles?since=P1D").routeId("roles")
                .process(exchange -> ledger.record("roles",
                        exchange.getMessage().getHeader("CamelCloudEventID", String.class),
                        exchange.getMessage().getBody(QlikEvent.class)));
    }
}
