package io.github.qlikevents.camel.polling;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.qlikevents.camel.QlikLicenseEventsConstants;
import io.github.qlikevents.camel.model.LicenseEvent;
import io.github.qlikevents.camel.model.QlikEventType;
import io.github.qlikevents.camel.sandbox.SandboxEvent;
import io.github.qlikevents.camel.sandbox.SandboxRequest;
import io.github.qlikevents.camel.support.SandboxTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a route sees: every event of the tenant once, in order, typed; filtered by type and start time. */
class PollingDeliveryTest extends SandboxTestSupport {

    @Test
    void everyEventOfEveryTypeArrivesOnceInOrderTyped() throws Exception {
        startSandbox(250);
        startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from(pollUri("since=P1D&pageSize=40")).routeId("poll").to("mock:events");
            }
        });
        List<SandboxEvent> expected = sandbox.feed().snapshot();
        MockEndpoint events = mock("events");
        events.expectedMessageCount(expected.size());

        assertSatisfied(events);
        awaitMorePolls("poll", 2);

        assertThat(receivedIds(events)).containsExactlyElementsOf(expected.stream().map(SandboxEvent::eventId).toList());
        for (int i = 0; i < expected.size(); i++) {
            Exchange exchange = events.getReceivedExchanges().get(i);
            SandboxEvent sent = expected.get(i);
            LicenseEvent body = exchange.getMessage().getBody(LicenseEvent.class);
            assertThat(body).isInstanceOf(QlikEventType.forTypeName(sent.type()).orElseThrow().bodyClass());
            assertThat(exchange.getMessage().getHeader(QlikLicenseEventsConstants.EVENT_TYPE)).isEqualTo(sent.type());
            assertThat(exchange.getMessage().getHeader(QlikLicenseEventsConstants.EVENT_TIME))
                    .isEqualTo(sent.time().toString());
            assertThat(exchange.getMessage().getHeader(QlikLicenseEventsConstants.AUDIT_ID)).isEqualTo(sent.auditId());
            assertThat(exchange.getMessage().getHeader(QlikLicenseEventsConstants.TENANT_ID))
                    .isEqualTo("sandbox-tenant");
        }
        assertThat(events.getReceivedCounter()).isEqualTo(expected.size());
        assertThat(consumer("poll").getEventsDelivered()).isEqualTo(expected.size());
        // the counters are management attributes: visible over JMX
        MBeanServer jmx = context.getManagementStrategy().getManagementAgent().getMBeanServer();
        Set<ObjectName> consumers = jmx.queryNames(new ObjectName("org.apache.camel:type=consumers,*"), null);
        assertThat(consumers).hasSize(1);
        ObjectName name = consumers.iterator().next();
        assertThat(jmx.getAttribute(name, "EventsDelivered")).isEqualTo((long) expected.size());
        assertThat(jmx.getAttribute(name, "LastEventTime")).isEqualTo(expected.get(expected.size() - 1).time()
                .toString());
        assertThat((Long) jmx.getAttribute(name, "Counter")).as("polls run, Camel's own counter").isPositive();
        // the poller goes on every 50 ms: the client counts a request as it sends it, the tenant once it handled it
        int requests = (Integer) jmx.getAttribute(name, "RequestsLastMinute");
        int share = (Integer) jmx.getAttribute(name, "RateLimitSharePercent");
        int requestsAfter = (Integer) jmx.getAttribute(name, "RequestsLastMinute");
        assertThat(requests).as("requests of the last minute, as the tenant counted them (one may be on its way)")
                .isPositive().isLessThanOrEqualTo((int) sandbox.requestCount() + 1);
        assertThat(share).as("share of Qlik's 1,000 a minute")
                .isBetween(requests * 100 / 1000, requestsAfter * 100 / 1000);
        assertThat(jmx.getAttribute(name, "MaxRequestsPerMinute")).isEqualTo(500);
        assertThat(jmx.getAttribute(name, "CappedWaits")).isEqualTo(0L);
        assertThat((Long) jmx.getAttribute(name, "LagSeconds")).as("now minus the newest eventTime delivered")
                .isGreaterThanOrEqualTo(Duration.between(expected.get(expected.size() - 1).time(), Instant.now())
                        .toSeconds() - 1);
        assertThat(jmx.getAttribute(name, "EventsFromSweeps")).isEqualTo(0L);
        assertThat(sandbox.requests()).extracting(SandboxRequest::query).filteredOn(q -> q != null)
                .allSatisfy(q -> assertThat(q).contains("sort=%2BeventTime"));
    }

    @Test
    void singleTypeIsFilteredOnTheServer() throws Exception {
        startSandbox(100);
        String lease = QlikEventType.LEASE_UPDATED.typeName();
        startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from(pollUri("since=P1D&eventTypes=" + lease)).routeId("poll").to("mock:events");
            }
        });
        List<String> expected = expectedIds(e -> e.type().equals(lease));
        MockEndpoint events = mock("events");
        events.expectedMessageCount(expected.size());

        assertSatisfied(events);
        awaitMorePolls("poll", 2);

        assertThat(receivedIds(events)).containsExactlyElementsOf(expected);
        assertThat(sandbox.requests()).filteredOn(r -> "/api/v1/audits".equals(r.path()))
                .allSatisfy(r -> assertThat(r.query()).contains("eventType=" + lease).doesNotContain("source="));
    }

    @Test
    void listAndWildcardAreFilteredByTheConsumer() throws Exception {
        startSandbox(100);
        startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from(pollUri("since=P1D&eventTypes=com.qlik.v1.license.lease.*,com.qlik.license.definition.updated"))
                        .routeId("poll").to("mock:events");
            }
        });
        List<String> expected = expectedIds(e -> e.type().startsWith("com.qlik.v1.license.lease.")
                                                 || e.type().equals("com.qlik.license.definition.updated"));
        MockEndpoint events = mock("events");
        events.expectedMessageCount(expected.size());

        assertSatisfied(events);
        awaitMorePolls("poll", 2);

        assertThat(receivedIds(events)).containsExactlyElementsOf(expected);
        assertThat(sandbox.requests()).filteredOn(r -> "/api/v1/audits".equals(r.path()))
                .allSatisfy(r -> assertThat(r.query()).contains("source=com.qlik%2Flicenses"));
    }

    @Test
    void sinceInstantStartsThere() throws Exception {
        startSandbox(100);
        Instant since = sandbox.feed().historyTime(60);
        startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from(pollUri("since=" + since)).routeId("poll").to("mock:events");
            }
        });
        List<String> expected = expectedIds(e -> !e.time().isBefore(since));
        MockEndpoint events = mock("events");
        events.expectedMessageCount(expected.size());

        assertSatisfied(events);
        awaitMorePolls("poll", 2);

        assertThat(expected).hasSize(40);
        assertThat(receivedIds(events)).containsExactlyElementsOf(expected);
    }

    @Test
    void sinceDurationMeansThatLongAgo() throws Exception {
        startSandbox(100);
        startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from(pollUri("since=PT40S")).routeId("poll").to("mock:events");
            }
        });
        MockEndpoint events = mock("events");
        events.expectedMinimumMessageCount(25);

        assertSatisfied(events);
        awaitMorePolls("poll", 2);

        // history ends 10 s ago, one event a second: 30 events in the last 40 s, give or take the test's own pace
        assertThat(events.getReceivedCounter()).isBetween(25, 31);
        List<String> all = expectedIds(e -> true);
        assertThat(receivedIds(events)).containsExactlyElementsOf(all.subList(all.size() - events.getReceivedCounter(),
                all.size()));
    }

    @Test
    void withoutSinceOnlyNewEventsArrive() throws Exception {
        startSandbox(50);
        startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from(pollUri("")).routeId("poll").to("mock:events");
            }
        });
        awaitMorePolls("poll", 2);
        SandboxEvent fresh = sandbox.feed().publishGenerated(Instant.now());
        MockEndpoint events = mock("events");
        events.expectedMessageCount(1);

        assertSatisfied(events);
        awaitMorePolls("poll", 2);

        assertThat(receivedIds(events)).containsExactly(fresh.eventId());
    }
}
