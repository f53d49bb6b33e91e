package io.github.qlikevents.camel.polling;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import io.github.qlikevents.camel.model.Channel;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import io.github.qlikevents.camel.support.Progress;
import io.github.qlikevents.camel.support.SandboxTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Endpoints of two channels of one tenant and one user share the request budget (the cap holds for both together, as
 * Qlik counts its limit per user) and their context's poller threads; another context's pollers have threads of
 * their own.
 */
class SharedBudgetTest extends SandboxTestSupport {

    private static final int CAP = 12;
    private final Set<String> pollerThreads = ConcurrentHashMap.newKeySet();

    @Test
    void twoChannelsOfOneUserStayWithinOneCapTogetherOnSharedThreads() throws Exception {
        startSandbox(SandboxTenant.builder().channels(Channel.LICENSES, Channel.ROLES)
                .history(2_000, Duration.ofMillis(100), Instant.now().minusSeconds(10)));
        String options = "&apiKey=" + API_KEY + "&since=P1D&pageSize=10&delay=50&maxRequestsPerMinute=" + CAP;
        startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("qlik-license-events:licenses?tenantUrl=" + sandbox.url() + options).routeId("licenses")
                        .process(e -> pollerThreads.add(Thread.currentThread().getName())).to("mock:licenses");
                from("qlik-events:roles?tenantUrl=" + sandbox.url() + options).routeId("roles")
                        .process(e -> pollerThreads.add(Thread.currentThread().getName())).to("mock:roles");
            }
        });

        Progress.awaitCount("requests of both channels", sandbox::requestCount, CAP);
        await("both pollers wait for the shared cap").atMost(Progress.STALL)
                .until(() -> consumer("licenses").getCappedWaits() > 0 && consumer("roles").getCappedWaits() > 0);
        await("no request beyond the cap").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> sandbox.requestCount() == CAP);

        assertThat(mock("licenses").getReceivedCounter()).as("licenses delivered").isPositive();
        assertThat(mock("roles").getReceivedCounter()).as("roles delivered").isPositive();
        assertThat(consumer("licenses").getRequestsLastMinute()).isEqualTo(CAP);
        assertThat(consumer("roles").getRequestsLastMinute()).isEqualTo(CAP);
        assertThat(pollerThreads).as("threads that delivered, of the context's one poller pool")
                .allMatch(name -> name.startsWith("qlik-events-poller-"));
    }

    @Test
    void aContextWhosePollerThreadsAreAllBusyDelaysNoOtherContext() throws Exception {
        startSandbox(SandboxTenant.builder().history(20, Duration.ofSeconds(1), Instant.now().minusSeconds(30)));
        CountDownLatch routeEntered = new CountDownLatch(1);
        CountDownLatch blockedRoute = new CountDownLatch(1);
        startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from(pollUri("since=P1D&pollerThreads=1")).routeId("blocked").process(e -> {
                    routeEntered.countDown();
                    blockedRoute.await();
                });
            }
        });
        CamelContext other = new DefaultCamelContext();
        try {
            other.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(pollUri("since=P1D&pollerThreads=1")).routeId("other").to("mock:other");
                }
            });
            await("the first context's only poller thread is held by its route").atMost(Progress.STALL)
                    .until(() -> routeEntered.getCount() == 0);
            other.start();

            Progress.awaitCount("events delivered by the other context", () -> other.getEndpoint("mock:other",
                    MockEndpoint.class).getReceivedCounter(), 20);
        } finally {
            blockedRoute.countDown();
            other.stop();
        }
    }
}
