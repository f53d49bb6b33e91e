package com.example.bench;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/** The component's part of the app: one poller of license events, configured in application.properties. */
public class LicenseEventsRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("qlik-license-events:licenses?since=P1D").routeId("licenses").log(LoggingLevel.DEBUG, "${header.CamelCloudEventType}");
    }
}
