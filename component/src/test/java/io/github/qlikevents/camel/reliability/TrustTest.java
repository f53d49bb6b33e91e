package io.github.qlikevents.camel.reliability;

import java.lang.management.ManagementFactory;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.qlikevents.camel.http.QlikApiException;
import io.github.qlikevents.camel.sandbox.Fault;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import io.github.qlikevents.camel.support.SandboxTestSupport;
import io.github.qlikevents.camel.support.TestSecrets;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The bearer token goes to the tenant only, and the endpoint URI Camel shows over JMX holds no secret. */
class TrustTest extends SandboxTestSupport {

    @Test
    void redirectToAnotherOriginIsNotFollowedAndPollingRecovers() throws Exception {
        startSandbox(25);
        sandbox.inject(Fault.foreignRedirect(1));
        startContext(new RouteBuilder() {
            @Override
            public void configure() {
                onException(QlikApiException.class).handled(true).to("mock:errors");
                from(pollUri("since=P1D&bridgeErrorHandler=true")).routeId("poll").to("mock:events");
            }
        });
        MockEndpoint errors = mock("errors");
        MockEndpoint events = mock("events");
        errors.expectedMessageCount(1);
        events.expectedMessageCount(25);

        assertSatisfied(context);

        assertThat(errors.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))
                .hasMessageContaining("HTTP 302");
        assertThat(sandbox.requests()).noneMatch(r -> r.path().contains(SandboxTenant.FOREIGN_ORIGIN));
        ReliabilityReport.record("poll: redirect to another origin (refused, not followed)", 25,
                events.getReceivedCounter(), 0, 25 - events.getReceivedCounter());
    }

    @Test
    void endpointUriOverJmxIsMasked() throws Exception {
        startSandbox(1);
        startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from(pollUri("since=P1D")).routeId("poll")
                        .to("mock:events");
            }
        });
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> endpoints = jmx.queryNames(new ObjectName("org.apache.camel:type=endpoints,*"), null);
        Set<ObjectName> routes = jmx.queryNames(new ObjectName("org.apache.camel:type=routes,*"), null);

        assertThat(endpoints).isNotEmpty();
        for (ObjectName endpoint : endpoints) {
            assertThat(endpoint.toString()).doesNotContain(TestSecrets.API_KEY);
            assertThat(String.valueOf(jmx.getAttribute(endpoint, "EndpointUri"))).doesNotContain(TestSecrets.API_KEY);
        }
        for (ObjectName route : routes) {
            assertThat(String.valueOf(jmx.getAttribute(route, "EndpointUri"))).doesNotContain(TestSecrets.API_KEY);
        }
    }
}
