package io.github.qlikevents.camel.scale;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.qlikevents.camel.sandbox.ConcurrentRequests;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import io.github.qlikevents.camel.support.Progress;
import io.github.qlikevents.camel.support.TestSecrets;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The small version of the many-tenants benchmark: 200 tenants, each on a host of its own (127.0.x.y) with a key of
 * its own, answering 100 ms late, one route each from a route template in one Camel context with the default 8 poller
 * threads and a 1 s delay. Every tenant is polled, again and again; more requests wait for their tenants at once than
 * there are poller threads (a poll holds no thread while the tenant answers); and the threads the component starts do
 * not grow with the tenants.
 */
class ManyTenantsTest {

    private static final int TENANTS = 200;
    private static final Duration LATENCY = Duration.ofMillis(100);
    private static final int POLLER_THREADS = 8;

    private final List<SandboxTenant> tenants = new ArrayList<>();
    private DefaultCamelContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
        tenants.forEach(SandboxTenant::close);
    }

    @Test
    void everyTenantIsPolledWithoutAThreadPerWaitingPoll() throws Exception {
        ConcurrentRequests waiting = new ConcurrentRequests();
        for (int i = 0; i < TENANTS; i++) {
            tenants.add(SandboxTenant.builder().loopbackHost(i)
                    .apiKey(TestSecrets.API_KEY + "-" + i).latency(LATENCY).concurrentRequests(waiting)
                    .history(0, Duration.ofSeconds(1)).threads(1).start());
        }
        long componentThreadsBefore = componentThreads();
        context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                routeTemplate("tenant").templateParameter("url").templateParameter("key").templateParameter("name")
                        .from("qlik-license-events:licenses?tenantUrl={{url}}&apiKey=RAW({{key}})&stateKey={{name}}"
                              + "&delay=1000&pollerThreads=" + POLLER_THREADS)
                        .to("log:tenant?level=OFF");
            }
        });
        context.start();
        for (int i = 0; i < TENANTS; i++) {
            context.addRouteFromTemplate("tenant-" + i, "tenant", Map.of("url", tenants.get(i).url(), "key",
                    TestSecrets.API_KEY + "-" + i, "name", "tenant-" + i));
        }

        Progress.awaitCount("polls of the least polled tenant",
                () -> tenants.stream().mapToLong(SandboxTenant::requestCount).min().orElseThrow(), 3);
        Progress.awaitCount("requests waiting for their tenants at once", waiting::peak, 2L * POLLER_THREADS);

        assertThat(tenants).allSatisfy(tenant -> assertThat(tenant.requests())
                .as("requests to " + tenant.url()).allSatisfy(request -> assertThat(request.status()).isEqualTo(200)));
        assertThat(componentThreads() - componentThreadsBefore)
                .as("threads the component started for " + TENANTS + " tenants: the pollers' and the HTTP client's")
                .isLessThanOrEqualTo(POLLER_THREADS + Runtime.getRuntime().availableProcessors() + 2);
    }

    /** Live threads of the pollers, the timer and the HTTP client. */
    private static long componentThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("qlik-events-") || name.startsWith("httpclient-")).count();
    }
}
