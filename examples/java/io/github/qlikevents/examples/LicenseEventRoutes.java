package io.github.qlikevents.examples;

import io.github.qlikevents.camel.QlikLicenseEventsConstants;
import io.github.qlikevents.camel.model.AssignmentEvent;
import io.github.qlikevents.camel.model.LeaseEvent;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.processor.aggregate.StringAggregationStrategy;

/**
 * The routes of routes/*.camel.yaml in the Java DSL: an audit trail, a lease capacity alert and a summary of
 * assignment changes per user. Tenant and credentials come from the component configuration
 * (application.properties).
 */
public class LicenseEventRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("qlik-license-events:licenses?since={{qlik.since:PT1H}}&delay={{qlik.delay:5000}}")
                .routeId("java-audit-trail")
                .transformDataType("qlik-license-events:application-cloudevents")
                .convertBodyTo(String.class)
                .to("file:{{qlik.demo.dir:target/qlik-demo}}?fileName=audit-trail-java.jsonl&fileExist=Append"
                    + "&appendChars=\\n");

        from("qlik-license-events:licenses?eventTypes=com.qlik.v1.license.lease.*&since={{qlik.since:PT1H}}"
             + "&delay={{qlik.delay:5000}}")
                .routeId("java-lease-capacity-alert")
                .filter(exchange -> exchange.getMessage().getBody(LeaseEvent.class).overCapacity())
                .process(exchange -> {
                    LeaseEvent lease = exchange.getMessage().getBody(LeaseEvent.class);
                    exchange.getMessage().setBody(String.format(
                            "Lease %s on license %s is over capacity: %d leased of %d",
                            lease.name(), lease.license(), lease.leasedQuantity(), lease.licenseQuantity()));
                })
                .to("{{qlik.alerts.uri:log:qlik.capacity-alerts}}");

        from("qlik-license-events:licenses?eventTypes=com.qlik.license.assignment.*&since={{qlik.since:PT1H}}"
             + "&delay={{qlik.delay:5000}}")
                .routeId("java-assignment-summary")
                .process(exchange -> {
                    AssignmentEvent assignment = exchange.getMessage().getBody(AssignmentEvent.class);
                    String change = exchange.getMessage().getHeader(QlikLicenseEventsConstants.EVENT_TYPE,
                            String.class).replace("com.qlik.license.assignment.", "");
                    exchange.getMessage().setHeader("subject", assignment.subject());
                    exchange.getMessage().setBody(change + " " + assignment.type());
                })
                .aggregate(header("subject"), new StringAggregationStrategy().delimiter(", "))
                .completionInterval(10_000)
                .setBody(simple("${exchangeProperty.CamelAggregatedCorrelationKey}: ${body}"))
                .to("{{qlik.assignments.uri:log:qlik.assignment-summary}}");
    }
}
