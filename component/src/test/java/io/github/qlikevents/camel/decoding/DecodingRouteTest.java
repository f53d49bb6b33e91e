package io.github.qlikevents.camel.decoding;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import io.github.qlikevents.camel.QlikLicenseEventsConstants;
import io.github.qlikevents.camel.model.AssignmentUpdated;
import io.github.qlikevents.camel.model.LeaseCreated;
import io.github.qlikevents.camel.model.LeaseEvent;
import io.github.qlikevents.camel.support.Envelopes;
import io.github.qlikevents.camel.support.Envelopes.Shape;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Existing flows that receive raw event JSON decode it with the qlik-license-events:event transformer. */
class DecodingRouteTest extends CamelTestSupport {

    private static final String LEASE = "com.qlik.v1.license.lease.created";
    private static final String ASSIGNMENT = "com.qlik.license.assignment.updated";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(QlikEventFormatException.class).handled(true).to("mock:dead");

                from("direct:raw")
                        .transformDataType("qlik-license-events:event")
                        .choice()
                            .when(header(QlikLicenseEventsConstants.EVENT_TYPE).startsWith("com.qlik.v1.license.lease."))
                                .to("mock:leases")
                            .otherwise()
                                .to("mock:other");
            }
        };
    }

    @Test
    void javaRouteDecodesBytesStringsAndStreamsAndRoutesOnType() throws Exception {
        MockEndpoint leases = getMockEndpoint("mock:leases");
        MockEndpoint other = getMockEndpoint("mock:other");
        leases.expectedMessageCount(2);
        leases.allMessages().body().isInstanceOf(LeaseEvent.class);
        leases.allMessages().header(QlikLicenseEventsConstants.EVENT_TYPE).isEqualTo(LEASE);
        other.expectedMessageCount(1);
        other.message(0).body().isInstanceOf(AssignmentUpdated.class);
        other.message(0).header(QlikLicenseEventsConstants.AUDIT_ID).isEqualTo("audit-string");

        byte[] lease = Envelopes.wrap(Envelopes.example(LEASE), Shape.CLOUD_EVENT);
        template.sendBody("direct:raw", lease);
        template.sendBody("direct:raw", new ByteArrayInputStream(
                Envelopes.wrap(Envelopes.example(LEASE), Shape.LEGACY_WEBHOOK)));
        template.sendBody("direct:raw",
                new String(Envelopes.wrap(Envelopes.example(ASSIGNMENT), Shape.AUDIT_ITEM), StandardCharsets.UTF_8));

        MockEndpoint.assertIsSatisfied(context);
        Exchange first = leases.getReceivedExchanges().get(0);
        assertThat(first.getMessage().getBody(LeaseCreated.class).leasedQuantity()).isEqualTo(42);
        assertThat(first.getMessage().getHeader(QlikLicenseEventsConstants.EVENT_VERSION)).isEqualTo("1.0");
        assertThat(first.getMessage().getHeader(QlikLicenseEventsConstants.EVENT_DEPRECATED)).isEqualTo(false);
        assertThat(first.getMessage().getHeader(QlikLicenseEventsConstants.TENANT_ID)).isEqualTo("string");
    }

    @Test
    void invalidJsonReachesTheErrorHandlerWithTheSpecificException() throws Exception {
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(1);
        getMockEndpoint("mock:leases").expectedMessageCount(0);

        template.sendBody("direct:raw", "{\"id\":\"e-7\",\"type\":\"" + LEASE + "\",\"data\":{}}");

        MockEndpoint.assertIsSatisfied(context);
        Exception caught = dead.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        assertThat(caught).isInstanceOf(QlikEventFormatException.class).hasMessageContaining("id=e-7")
                .hasMessageContaining("required field is missing");
    }

    @Test
    void yamlRouteDecodesAndRoutesOnType() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveMandatoryResource(context, "classpath:routes/decode-and-route.camel.yaml"));
        MockEndpoint leases = getMockEndpoint("mock:yaml-leases");
        MockEndpoint other = getMockEndpoint("mock:yaml-other");
        leases.expectedMessageCount(1);
        leases.message(0).body().isInstanceOf(LeaseCreated.class);
        other.expectedMessageCount(1);
        other.message(0).header(QlikLicenseEventsConstants.EVENT_DEPRECATED).isEqualTo(true);

        template.sendBody("direct:raw-yaml", Envelopes.wrap(Envelopes.example(LEASE), Shape.AUDIT_ITEM));
        template.sendBody("direct:raw-yaml", Envelopes.wrap(
                Envelopes.example("com.qlik.license.data.volume.consumption.aggregated"), Shape.CLOUD_EVENT));

        MockEndpoint.assertIsSatisfied(context);
    }
}
