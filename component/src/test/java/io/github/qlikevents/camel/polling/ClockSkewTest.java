package io.github.qlikevents.camel.polling;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.github.qlikevents.camel.support.Progress;
import io.github.qlikevents.camel.support.SandboxTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One event dated an hour ahead (a producer whose clock runs fast) is delivered once, and does not blind the poller
 * to the events published after it with correct times; neither does a stored position that it carried ahead.
 */
class ClockSkewTest extends SandboxTestSupport {

    private static final Duration AHEAD = Duration.ofHours(1);

    @TempDir
    Path tempDir;

    private final Queue<String> delivered = new ConcurrentLinkedQueue<>();

    @Test
    void anEventFromTheFutureIsDeliveredOnceAndLaterEventsStillArrive() throws Exception {
        startSandbox(300);
        sandbox.feed().publishGenerated(Instant.now().plus(AHEAD));
        startContext(route(null));
        Progress.awaitCount("history and the event from the future", delivered::size, 301);

        for (int i = 0; i < 50; i++) {
            sandbox.feed().publishGenerated(Instant.now());
        }
        Progress.awaitCount("events published after it", delivered::size, 351);
        awaitMorePolls("poll", 3);

        assertThat(new HashSet<>(delivered)).isEqualTo(new HashSet<>(expectedIds(e -> true)));
        assertThat(delivered).as("each once").hasSize(351);
    }

    @Test
    void aStoredPositionCarriedIntoTheFutureDoesNotBlindARestartedPoller() throws Exception {
        startSandbox(50);
        sandbox.feed().publishGenerated(Instant.now().plus(AHEAD));
        File state = tempDir.resolve("positions.dat").toFile();
        startContext(route(state));
        Progress.awaitCount("history and the event from the future", delivered::size, 51);
        context.close();

        for (int i = 0; i < 20; i++) {
            sandbox.feed().publishGenerated(Instant.now());
        }
        startContext(route(state));
        Progress.awaitCount("events published while stopped", delivered::size, 71);
        awaitMorePolls("poll", 3);

        assertThat(delivered).hasSize(71).doesNotHaveDuplicates();
    }

    @Test
    void theWatermarkAndTheRememberedIdsStayAtThePresent() throws Exception {
        Instant now = Instant.parse("2026-11-30T10:00:00Z");
        PollPosition position = new PollPosition(now.minus(Duration.ofDays(1)));
        position.markDelivered("on-time", now.minusSeconds(30), now);
        position.markDelivered("from-the-future", now.plus(AHEAD), now);
        Duration lookback = Duration.ofMinutes(2);

        assertThat(position.watermark()).as("not past the wall clock when it was passed").isEqualTo(now);
        assertThat(position.tailFrom(now.plusSeconds(10))).isEqualTo(now);
        PollPosition stored = PollPosition.parse(position.serialize(lookback, Duration.ZERO, 1, now.plusSeconds(10)));
        assertThat(stored.delivered("on-time")).as("still inside the window the next queries read").isTrue();
        assertThat(stored.delivered("from-the-future")).as("kept until its time has passed").isTrue();
    }

    @Test
    void aWatermarkStoredInTheFutureByAnEarlierVersionIsReadAsThePresent() throws Exception {
        Instant now = Instant.parse("2026-11-30T10:00:00Z");
        PollPosition stored = PollPosition.parse("{\"v\":1,\"seq\":7,\"floor\":\"2026-11-29T10:00:00Z\","
                                                 + "\"watermark\":\"2026-11-30T11:00:00Z\",\"recent\":{}}");

        assertThat(stored.tailFrom(now)).isEqualTo(now);
        assertThat(stored.sweepFrom(Duration.ofMinutes(2), now)).isEqualTo(now.minus(Duration.ofMinutes(2)));
    }

    /** The polling route; with {@code state}, its position in that file. */
    private RouteBuilder route(File state) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String options = "since=P1D";
                if (state != null) {
                    getContext().getRegistry().bind("positions", FileStateRepository.fileStateRepository(state));
                    options += "&cursorRepository=#positions";
                }
                from(pollUri(options)).routeId("poll").process(e -> delivered.add(id(e)));
            }
        };
    }
}
