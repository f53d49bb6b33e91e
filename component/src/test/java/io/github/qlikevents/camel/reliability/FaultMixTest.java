package io.github.qlikevents.camel.reliability;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import io.github.qlikevents.camel.QlikLicenseEventsConstants;
import io.github.qlikevents.camel.sandbox.Fault;
import io.github.qlikevents.camel.sandbox.SandboxEvent;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import io.github.qlikevents.camel.support.Progress;
import io.github.qlikevents.camel.support.SandboxTestSupport;
import io.github.qlikevents.camel.support.TestSecrets;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A stream of 10,000 events of every type (more with -Dreliability.events, see the soak profile), drained while the
 * tenant misbehaves one way per run. Every event must arrive, in eventTime order (late events aside), none twice, and
 * the consumer must be healthy again at the end.
 */
class FaultMixTest extends SandboxTestSupport {

    private static final int EVENTS = Integer.getInteger("reliability.events", 10_000);
    private static final String CLIENT = "reliability-client";

    private final List<SandboxEvent> late = Collections.synchronizedList(new ArrayList<>());
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private SandboxTenant.Builder tenant;

    /**
     * A misbehaviour: set up before the stream starts, acted on as events are delivered, and once the backlog is
     * drained (the live tail).
     */
    private record Scenario(String name, BiConsumer<FaultMixTest, SandboxTenant> before,
                            MidStream during, String options, LiveTail tail) {

        Scenario(String name, BiConsumer<FaultMixTest, SandboxTenant> before, MidStream during, String options) {
            this(name, before, during, options, (test, seen) -> {
            });
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** What happens once the backlog is delivered; {@code seen} holds the distinct ids delivered so far. */
    @FunctionalInterface
    private interface LiveTail {
        void run(FaultMixTest test, Set<String> seen) throws Exception;
    }

    /** What happens while the stream flows, after {@code delivered} events. */
    @FunctionalInterface
    private interface MidStream {
        void at(FaultMixTest test, int delivered) throws Exception;
    }

    static Stream<Arguments> scenarios() {
        MidStream nothing = (t, n) -> {
        };
        return Stream.of(
                new Scenario("429 storm with Retry-After", (t, s) -> s.inject(Fault.rateLimit(3, Duration.ofSeconds(1))),
                        (t, n) -> t.every(n, 4000, () -> t.sandbox.inject(Fault.rateLimit(2, Duration.ofSeconds(1)))),
                        ""),
                new Scenario("429 storm without Retry-After", (t, s) -> s.inject(Fault.rateLimit(8, null)),
                        (t, n) -> t.every(n, 2500, () -> t.sandbox.inject(Fault.rateLimit(5, null))), ""),
                new Scenario("bursts of 500, 502 and 503", (t, s) -> s.inject(Fault.serverError(3, 500)),
                        (t, n) -> t.every(n, 1500, () -> t.sandbox.inject(Fault.serverError(3, 502))
                                .inject(Fault.serverError(2, 503))),
                        ""),
                new Scenario("responses slower than the read timeout", (t, s) -> s.inject(Fault.slow(2, Duration.ofMillis(700))),
                        (t, n) -> t.every(n, 3000, () -> t.sandbox.inject(Fault.slow(2, Duration.ofMillis(700)))),
                        "readTimeout=300"),
                new Scenario("connection refused: tenant stopped, restarted on the same port", (t, s) -> {
                }, (t, n) -> t.once(n, 4000, t::restartTenantLater), ""),
                new Scenario("truncated and malformed pages", (t, s) -> s.inject(Fault.malformedPage(2)),
                        (t, n) -> t.every(n, 2000, () -> t.sandbox.inject(Fault.malformedPage(1))), ""),
                new Scenario("the same items repeated across pages", (t, s) -> s.duplicateAcrossPages(true), nothing,
                        ""),
                new Scenario("late events inside the lookback window (live tail)", (t, s) -> {
                }, nothing, "lookback=PT35S&sweepInterval=PT1S", FaultMixTest::publishLateEvents),
                new Scenario("expired next cursor", (t, s) -> {
                }, (t, n) -> t.every(n, 1700, () -> t.sandbox.expireCursors()), ""),
                new Scenario("OAuth token expiring mid-stream", (t, s) -> {
                }, (t, n) -> t.every(n, 900, () -> t.sandbox.expireTokens()), "oauth"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyEventOnceInOrderAndHealthyAfter(Scenario scenario) throws Exception {
        tenant = SandboxTenant.builder().history(EVENTS, Duration.ofSeconds(1), Instant.now().minusSeconds(30))
                .oauthClient(CLIENT, TestSecrets.CLIENT_SECRET);
        startSandbox(tenant);
        tenant.port(sandbox.port());
        scenario.before().accept(this, sandbox);
        Queue<String> delivered = new ConcurrentLinkedQueue<>();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        String options = scenario.options().equals("oauth") ? "" : scenario.options();
        String uri = pollUri("since=P1D&pageSize=100&maxRetries=6" + (options.isEmpty() ? "" : "&" + options));
        if (scenario.options().equals("oauth")) {
            uri = uri.replace("apiKey=" + API_KEY, "clientId=" + CLIENT + "&clientSecret=" + TestSecrets.CLIENT_SECRET);
        }
        String from = uri;
        startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).routeId("poll").process(e -> {
                    String id = e.getMessage().getHeader(QlikLicenseEventsConstants.EVENT_ID, String.class);
                    delivered.add(id);
                    seen.add(id);
                    scenario.during().at(FaultMixTest.this, seen.size());
                });
            }
        });
        HealthCheckRegistry health = context.getCamelContextExtension().getContextPlugin(HealthCheckRegistry.class);
        health.register(health.resolveById("consumers"));

        Progress.awaitCount("events delivered", seen::size, EVENTS);
        scenario.tail().run(this, seen);
        awaitMorePolls("poll", 3);

        Set<String> expected = new HashSet<>(expectedIds(e -> true));
        Map<String, Instant> times = new HashMap<>();
        sandbox.feed().snapshot().forEach(e -> times.put(e.eventId(), e.time()));
        List<String> snapshot = List.copyOf(delivered);
        Set<String> distinct = new HashSet<>(snapshot);
        Set<String> lost = new HashSet<>(expected);
        lost.removeAll(distinct);
        int duplicated = snapshot.size() - distinct.size();
        ReliabilityReport.record("poll: " + scenario.name(), expected.size(), distinct.size(), duplicated, lost.size());

        assertThat(lost).as("lost").isEmpty();
        assertThat(duplicated).as("delivered twice within the consumer's life").isZero();
        Set<String> lateIds = new HashSet<>();
        late.forEach(e -> lateIds.add(e.eventId()));
        List<Instant> inOrder = snapshot.stream().filter(id -> !lateIds.contains(id)).map(times::get).toList();
        assertThat(inOrder).as("eventTime order").isSorted();
        await().atMost(Progress.STALL).untilAsserted(() -> assertThat(HealthCheckHelper.invoke(context).stream()
                .filter(r -> r.getCheck().getId().equals("consumer:poll")).findFirst().orElseThrow().getState())
                .isEqualTo(HealthCheck.State.UP));
    }

    private void every(int delivered, int period, Runnable action) {
        if (delivered % period == 0) {
            action.run();
        }
    }

    private void once(int delivered, int at, Runnable action) {
        if (delivered == at) {
            action.run();
        }
    }

    /** Stops the tenant now and starts it again on the same port a second later. */
    private void restartTenantLater() {
        sandbox.close();
        scheduler.schedule(this::restartTenant, 1, TimeUnit.SECONDS);
    }

    /** Starts the tenant on its port again; while the port is still held (a socket closing), tries again shortly. */
    private void restartTenant() {
        try {
            sandbox = tenant.apiKey(API_KEY).start();
        } catch (IOException e) {
            scheduler.schedule(this::restartTenant, 100, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Ten new events are delivered, then ten that happened half a minute before them show up (Qlik indexed them late,
     * within the lookback). Each must arrive, once.
     */
    private void publishLateEvents(Set<String> seen) {
        Instant now = Instant.now();
        List<SandboxEvent> fresh = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            fresh.add(sandbox.feed().publishGenerated(now));
        }
        await().atMost(Progress.STALL).until(() -> fresh.stream().allMatch(e -> seen.contains(e.eventId())));
        for (int i = 0; i < 10; i++) {
            late.add(sandbox.feed().publishGenerated(now.minusSeconds(30)));
        }
        await().atMost(Progress.STALL).until(() -> late.stream().allMatch(e -> seen.contains(e.eventId())));
    }

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }
}
