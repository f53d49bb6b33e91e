package io.github.qlikevents.camel.support;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import io.github.qlikevents.camel.polling.QlikEventsPollingConsumer;
import io.github.qlikevents.camel.sandbox.SandboxEvent;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;


/** Tests against the embedded sandbox tenant, each with its own tenant and Camel context. */
public abstract class SandboxTestSupport {

    /** The API key every sandbox of these tests accepts. */
    public static final String API_KEY = TestSecrets.API_KEY;

    protected SandboxTenant sandbox;
    protected CamelContext context;

    /** A sandbox with {@code events} history events one second apart, ending ten seconds ago. */
    protected SandboxTenant startSandbox(long events) throws Exception {
        return startSandbox(SandboxTenant.builder().history(events, Duration.ofSeconds(1),
                java.time.Instant.now().minusSeconds(10)));
    }

    protected SandboxTenant startSandbox(SandboxTenant.Builder builder) throws Exception {
        sandbox = builder.apiKey(API_KEY).start();
        return sandbox;
    }

    /** A polling URI against the sandbox, quick to poll and retry, with extra options. */
    protected String pollUri(String options) {
        return "qlik-license-events:licenses?tenantUrl=" + sandbox.url() + "&apiKey=" + API_KEY
               + "&delay=50&retryDelay=20" + (options.isEmpty() ? "" : "&" + options);
    }

    protected CamelContext startContext(RoutesBuilder routes) throws Exception {
        context = new DefaultCamelContext();
        context.addRoutes(routes);
        context.start();
        return context;
    }

    protected MockEndpoint mock(String name) {
        MockEndpoint mock = context.getEndpoint("mock:" + name, MockEndpoint.class);
        mock.setResultWaitTime(Progress.STALL.toMillis());
        return mock;
    }

    /**
     * Asserts the mocks' expectations once each has received the messages it expects. Unlike
     * {@link MockEndpoint#assertIsSatisfied()}, it counts messages that arrived before the expectations were set
     * (a poller with history delivers as soon as its context starts), so a fast run does not wait for a latch that
     * can no longer reach zero.
     */
    public static void assertSatisfied(MockEndpoint... mocks) throws InterruptedException {
        for (MockEndpoint mock : mocks) {
            Progress.awaitCount("messages at " + mock.getEndpointUri(), mock::getReceivedCounter,
                    Math.max(mock.getExpectedCount(), mock.getExpectedMinimumCount()));
            mock.setResultWaitTime(1);
            mock.assertIsSatisfied();
        }
    }

    /** {@link #assertSatisfied(MockEndpoint...)} for every mock endpoint of the context. */
    public static void assertSatisfied(CamelContext context) throws InterruptedException {
        assertSatisfied(context.getEndpoints().stream().filter(MockEndpoint.class::isInstance)
                .map(MockEndpoint.class::cast).toArray(MockEndpoint[]::new));
    }

    protected QlikEventsPollingConsumer consumer(String routeId) {
        return (QlikEventsPollingConsumer) context.getRoute(routeId).getConsumer();
    }

    /** Waits until the consumer has polled {@code more} more times: whatever was due has been delivered by then. */
    protected void awaitMorePolls(String routeId, int more) {
        long target = consumer(routeId).getCounter() + more;
        Progress.awaitCount("polls of " + routeId, () -> consumer(routeId).getCounter(), target);
    }

    /** The ids of the sandbox's events that match, in feed order. */
    protected List<String> expectedIds(Predicate<SandboxEvent> filter) {
        return sandbox.feed().snapshot().stream().filter(filter).map(SandboxEvent::eventId).toList();
    }

    protected static List<String> receivedIds(MockEndpoint mock) {
        return mock.getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeader("CamelCloudEventID", String.class)).toList();
    }

    protected static String id(Exchange exchange) {
        return exchange.getMessage().getHeader("CamelCloudEventID", String.class);
    }

    @AfterEach
    void closeContextAndSandbox() throws Exception {
        ChildJvm.destroyAll();
        if (context != null) {
            context.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
