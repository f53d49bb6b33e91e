package io.github.qlikevents.camel.polling;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.qlikevents.camel.QlikLicenseEventsConstants;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import io.github.qlikevents.camel.support.Progress;
import io.github.qlikevents.camel.support.SandboxTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A poller stops within seconds of its context's shutdown (Kubernetes kills a pod 30 s after SIGTERM): one waiting
 * for its request cap, and one in the middle of a page; the position never moves past what was delivered, so a
 * restart delivers the rest, none lost and none twice.
 */
class PromptShutdownTest extends SandboxTestSupport {

    /** The shutdown promised: Camel's graceful shutdown waited out its 45 s timeout before. */
    private static final Duration PROMPT = Duration.ofSeconds(5);

    @TempDir
    Path directory;
    private final Set<String> delivered = new HashSet<>();
    private int deliveries;

    @Test
    void aPollerWaitingForItsRequestCapStopsAtOnce() throws Exception {
        startSandbox(SandboxTenant.builder().history(500, Duration.ofMillis(100), Instant.now().minusSeconds(60)));
        start("since=P1D&pageSize=10&maxRequestsPerMinute=3", 0);
        await("the poller waits for its cap").atMost(Progress.STALL).until(() -> consumer("poll").getCappedWaits() > 0);

        assertThat(stopTakes()).as("shutdown of a capped poller").isLessThan(PROMPT);
        assertRestartDeliversTheRest();
    }

    @Test
    void aPollerInTheMiddleOfAPageStopsAfterTheEventInHand() throws Exception {
        startSandbox(SandboxTenant.builder().history(300, Duration.ofMillis(100), Instant.now().minusSeconds(60)));
        start("since=P1D&pageSize=100", 50);
        Progress.awaitCount("events delivered of the first page", this::deliveries, 20);

        assertThat(stopTakes()).as("shutdown in the middle of a page").isLessThan(PROMPT);
        assertThat(deliveries()).as("delivered of the first page of 100").isLessThan(100);
        assertRestartDeliversTheRest();
    }

    /** Starts the route with its position in a file, each event taking {@code millis} in the route. */
    private void start(String options, long millis) throws Exception {
        FileStateRepository positions = FileStateRepository.fileStateRepository(directory.resolve("positions").toFile());
        context = null;
        startContext(new RouteBuilder() {
            @Override
            public void configure() {
                bindToRegistry("positions", positions);
                from(pollUri(options + "&cursorRepository=#positions")).routeId("poll").process(e -> {
                    Thread.sleep(millis);
                    record(e.getMessage().getHeader(QlikLicenseEventsConstants.EVENT_ID, String.class));
                });
            }
        });
    }

    private Duration stopTakes() {
        long start = System.nanoTime();
        context.stop();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        context = null;
        return took;
    }

    /** Starts again on the stored position, uncapped: every event arrives, none twice. */
    private void assertRestartDeliversTheRest() throws Exception {
        start("since=P1D&pageSize=100", 0);
        List<String> expected = expectedIds(e -> true);
        Progress.awaitCount("events delivered after the restart", () -> delivered().size(), expected.size());

        assertThat(delivered()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(deliveries()).as("deliveries, none twice").isEqualTo(expected.size());
    }

    private synchronized void record(String id) {
        delivered.add(id);
        deliveries++;
    }

    private synchronized Set<String> delivered() {
        return new HashSet<>(delivered);
    }

    private synchronized int deliveries() {
        return deliveries;
    }
}
