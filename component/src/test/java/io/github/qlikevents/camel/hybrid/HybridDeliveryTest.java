package io.github.qlikevents.camel.hybrid;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import io.github.qlikevents.camel.QlikLicenseEventsConstants;
import io.github.qlikevents.camel.model.Channel;
import io.github.qlikevents.camel.sandbox.SandboxDelivery;
import io.github.qlikevents.camel.sandbox.SandboxEvent;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import io.github.qlikevents.camel.sandbox.SandboxWebhook;
import io.github.qlikevents.camel.support.CapturedLogs;
import io.github.qlikevents.camel.support.Progress;
import io.github.qlikevents.camel.support.WebhookTestSupport;
import io.github.qlikevents.camel.webhook.WebhookMonitor;
import io.github.qlikevents.camel.webhook.WebhookRegistrar;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hybrid delivery (webhook mode with reconcile=true): every event once, whether its webhook delivery arrived, was
 * lost, was refused while the receiver was down, or came again after the sweep delivered it.
 */
class HybridDeliveryTest extends WebhookTestSupport {

    private static final String PATH = "/qlik/hybrid";
    private static final Duration DOWNTIME = Duration.ofSeconds(Long.getLong("hybrid.downtime.seconds", 30));

    /** One delivery to the route: the event and whether the sweep brought it. */
    private record Received(String id, boolean reconciled) {
    }

    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    @TempDir
    Path state;
    private final AtomicBoolean routeFails = new AtomicBoolean();
    private int port;
    private String channelUri = "webhook:qlik-license-events:licenses";

    @AfterEach
    void stop() throws Exception {
        if (context != null) {
            context.stop();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void aTenthOfDeliveriesLostOverFiveThousandEventsEveryEventOnce() throws Exception {
        startSandbox(SandboxTenant.builder().history(0, Duration.ofSeconds(1)));
        startHybrid();
        sandbox.dropWebhookDeliveries(0.1);

        List<SandboxEvent> published = publish(5000);

        Progress.awaitCount("events delivered", received::size, published.size());
        assertEveryEventOnce(published);
        Set<String> neverDelivered = idsWithoutSuccessfulDelivery(published);
        assertThat(neverDelivered).hasSizeBetween(300, 700);
        assertThat(reconciledIds()).containsAll(neverDelivered);
    }

    @Test
    void theAliasSchemeAndAnotherChannelReconcileToo() throws Exception {
        startSandbox(SandboxTenant.builder().history(0, Duration.ofSeconds(1)).channels(Channel.ROLES));
        channelUri = "webhook:qlik-events:roles";
        startHybrid();
        sandbox.dropWebhookDeliveries(0.2);

        List<SandboxEvent> published = publish(200);

        Progress.awaitCount("role events delivered", received::size, published.size());
        assertEveryEventOnce(published);
        assertThat(reconciledIds()).isNotEmpty().containsAll(idsWithoutSuccessfulDelivery(published));
    }

    @Test
    void receiverDownWhileQlikDisablesTheWebhookThenBack() throws Exception {
        startSandbox(SandboxTenant.builder().history(0, Duration.ofSeconds(1)).webhookDisableAfter(3));
        startHybrid();
        sandbox.publishEvery(Duration.ofMillis(100));
        Progress.awaitCount("events delivered before the receiver goes down", received::size, 20);

        context.stop();
        Instant down = Instant.now();
        await().atMost(Progress.STALL).until(() -> !webhook().enabled());
        String reason = webhook().disabledReason();
        await().atMost(Duration.ofMinutes(4))
                .until(() -> Duration.between(down, Instant.now()).compareTo(DOWNTIME) >= 0);
        try (CapturedLogs logs = new CapturedLogs(WebhookRegistrar.class)) {
            startHybrid();
            int afterRestart = received.size();
            Progress.awaitCount("events delivered live again", () -> received.stream().skip(afterRestart)
                    .filter(event -> !event.reconciled()).count(), 20);
            sandbox.stopPublishing();
            List<SandboxEvent> published = sandbox.feed().snapshot();

            Progress.awaitCount("every event published", received::size, published.size());
            assertEveryEventOnce(published);
            assertThat(published).hasSizeGreaterThan((int) (DOWNTIME.toSeconds() * 10));
            assertThat(webhook().enabled()).isTrue();
            assertThat(logs.lines()).anyMatch(line -> line.contains("Qlik had disabled webhook")
                                                      && line.contains(reason));
        }
    }

    @Test
    void aWebhookDisabledWhileTheReceiverIsUpIsNoticedAndEnabledAgain() throws Exception {
        startSandbox(SandboxTenant.builder().history(0, Duration.ofSeconds(1)).webhookDisableAfter(3));
        startHybrid();
        routeFails.set(true);
        List<SandboxEvent> published = new ArrayList<>(publish(5));
        await().atMost(Progress.STALL).until(() -> !webhook().enabled());

        try (CapturedLogs logs = new CapturedLogs(WebhookMonitor.class)) {
            routeFails.set(false);
            published.addAll(publish(10));
            await().atMost(Progress.STALL).until(() -> webhook().enabled());
            List<SandboxEvent> afterRepair = publish(10);
            published.addAll(afterRepair);

            Progress.awaitCount("events delivered", received::size, published.size());
            assertEveryEventOnce(published);
            assertThat(logs.lines()).anyMatch(line -> line.contains("Qlik disabled webhook")
                                                      && line.contains("deliveries in a row failed")
                                                      && line.contains("DELIVERY_FAILURES"));
            assertThat(reconciledIds()).doesNotContainAnyElementsOf(
                    afterRepair.stream().map(SandboxEvent::eventId).toList());
            assertThat(HealthCheckHelper.invoke(context)).filteredOn(
                            result -> result.getCheck().getId().equals("qlik-webhook:" + PATH))
                    .singleElement().extracting(HealthCheck.Result::getState).isEqualTo(HealthCheck.State.UP);
        }
    }

    @Test
    void aWebhookRetryAfterTheSweepDeliveredTheEventIsAnsweredAndDropped() throws Exception {
        startSandbox(SandboxTenant.builder().history(0, Duration.ofSeconds(1)));
        startHybrid();
        sandbox.dropWebhookDeliveries(1.0);
        SandboxEvent lost = publish(1).get(0);
        Progress.awaitCount("the lost event, reconciled", received::size, 1);
        assertThat(received).containsExactly(new Received(lost.eventId(), true));

        sandbox.dropWebhookDeliveries(0);
        sandbox.resendWebhookDelivery(lost.eventId());
        await().atMost(Progress.STALL).until(() -> sandbox.deliveries().stream()
                .anyMatch(delivery -> delivery.eventId().equals(lost.eventId()) && delivery.succeeded()));
        SandboxEvent next = publish(1).get(0);
        Progress.awaitCount("the next event", received::size, 2);

        assertThat(received).containsExactly(new Received(lost.eventId(), true), new Received(next.eventId(), false));
    }

    @Test
    void restartDuringASweepLosesAndRepeatsNothing() throws Exception {
        startSandbox(SandboxTenant.builder().history(0, Duration.ofSeconds(1)));
        startHybrid();
        sandbox.dropWebhookDeliveries(1.0);
        List<SandboxEvent> published = publish(400);
        Progress.awaitCount("the sweep under way", received::size, 60);

        context.stop();
        int beforeRestart = received.size();
        startHybrid();

        Progress.awaitCount("events delivered", received::size, published.size());
        assertThat(beforeRestart).isLessThan(published.size());
        assertEveryEventOnce(published);
    }

    @Test
    void replicasBehindOneUrlShareTheIdsOneSweepsAndEveryEventComesOnce() throws Exception {
        startSandbox(SandboxTenant.builder().history(0, Duration.ofSeconds(1)));
        MemoryIdempotentRepository shared = new MemoryIdempotentRepository();
        // the webhook URL is the first replica's: the "balancer" sends every delivery there; the second one sweeps
        CamelContext receiving = startReplica(0, false, shared);
        startReplica(freePort(), true, shared);
        sandbox.dropWebhookDeliveries(0.1);

        List<SandboxEvent> published = publish(1000);

        try {
            Progress.awaitCount("events delivered by either replica", received::size, published.size());
            assertEveryEventOnce(published);
            assertThat(reconciledIds()).isNotEmpty().containsAll(idsWithoutSuccessfulDelivery(published));
        } finally {
            receiving.stop();
        }
    }

    /** A hybrid route on a fixed port (so that its webhook URL survives a restart) with the test's shared position. */
    private void startHybrid() throws Exception {
        if (port == 0) {
            port = freePort();
        }
        startReplica(port, true, null);
    }

    /**
     * A replica: its route registers the webhook at {@link #port} (the URL a balancer would serve), its HTTP server
     * listens on {@code bindPort} ({@link #port} when 0); {@code shared} is the idempotent repository of all replicas.
     */
    private CamelContext startReplica(int bindPort, boolean reconcile, MemoryIdempotentRepository shared)
            throws Exception {
        if (port == 0) {
            port = freePort();
        }
        String uri = webhookUri(PATH, "tenantUrl=" + sandbox.url() + "&apiKey=" + API_KEY + "&reconcile=" + reconcile
                                      + "&lookback=PT2S&sweepInterval=PT1S&delay=200&initialDelay=200"
                                      + "&webhookExternalUrl=http://127.0.0.1:" + port
                                      + "&webhookUnregisterOnStop=false&cursorRepository=#positions"
                                      + (shared != null ? "&idempotentRepository=#shared" : ""))
                .replace("webhook:qlik-license-events:licenses", channelUri);
        CamelContext replica = startWebhookContext(new RouteBuilder() {
            @Override
            public void configure() {
                // a position that outlives the context, as a file does across restarts of the application
                getContext().getRegistry().bind("positions",
                        FileStateRepository.fileStateRepository(state.resolve("positions.dat").toFile()));
                if (shared != null) {
                    getContext().getRegistry().bind("shared", shared);
                }
                from(uri).routeId("hybrid").process(this::slowly).process(exchange -> {
                    if (routeFails.get()) {
                        throw new IllegalStateException("the route is failing on purpose");
                    }
                    received.add(new Received(exchange.getMessage().getHeader("CamelCloudEventID", String.class),
                            exchange.getMessage().getHeader(QlikLicenseEventsConstants.RECONCILED, false,
                                    Boolean.class)));
                });
            }

            /** A route that takes a moment per event, as real ones do; a sweep of 400 events takes seconds. */
            private void slowly(Exchange exchange) throws InterruptedException {
                Thread.sleep(5);
            }
        }, bindPort == 0 ? port : bindPort);
        await().atMost(Progress.STALL).until(() -> sandbox.webhooks().stream()
                .anyMatch(webhook -> webhook.url().equals("http://127.0.0.1:" + port + PATH)));
        return replica;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private List<SandboxEvent> publish(int count) throws InterruptedException {
        List<SandboxEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(sandbox.feed().publishGenerated(Instant.now()));
            if (i % 10 == 9) {
                // about 1,000 events a second, each with its own millisecond
                Thread.sleep(10);
            }
        }
        return events;
    }

    private SandboxWebhook webhook() {
        return sandbox.webhooks().get(0);
    }

    private Set<String> idsWithoutSuccessfulDelivery(List<SandboxEvent> published) {
        Set<String> delivered = sandbox.deliveries().stream().filter(SandboxDelivery::succeeded)
                .map(SandboxDelivery::eventId).collect(Collectors.toSet());
        return published.stream().map(SandboxEvent::eventId).filter(id -> !delivered.contains(id))
                .collect(Collectors.toSet());
    }

    private Set<String> reconciledIds() {
        return received.stream().filter(Received::reconciled).map(Received::id).collect(Collectors.toSet());
    }

    private void assertEveryEventOnce(List<SandboxEvent> published) {
        assertThat(received).extracting(Received::id)
                .containsExactlyInAnyOrderElementsOf(published.stream().map(SandboxEvent::eventId).toList());
    }
}
