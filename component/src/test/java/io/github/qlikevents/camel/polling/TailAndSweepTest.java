package io.github.qlikevents.camel.polling;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.github.qlikevents.camel.sandbox.SandboxEvent;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import io.github.qlikevents.camel.support.Progress;
import io.github.qlikevents.camel.support.SandboxTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tailing and sweeping apart: each poll asks only for what is new since the watermark, and sweeps re-read the
 * lookback once, so events Qlik makes visible late arrive once, and an idle poll costs one request.
 */
class TailAndSweepTest extends SandboxTestSupport {

    private static final String LATE = "lookback=PT20S&sweepInterval=PT2S";

    @TempDir
    Path tempDir;

    private final Queue<String> delivered = new ConcurrentLinkedQueue<>();

    @Test
    void eventsMadeVisibleLateArriveOnceThroughASweep() throws Exception {
        startSandbox(50);
        startContext(route(LATE, null));
        Progress.awaitCount("history", delivered::size, 50);

        for (int i = 0; i < 5; i++) {
            sandbox.feed().publishGenerated(Instant.now());
        }
        Progress.awaitCount("fresh events", delivered::size, 55);
        // indexed late: visible now, dated before the newest event already delivered, within the lookback
        List<SandboxEvent> late = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            late.add(sandbox.feed().publishGenerated(Instant.now().minusSeconds(10)));
        }
        Progress.awaitCount("late events", delivered::size, 60);
        awaitMorePolls("poll", 3);

        assertThat(delivered).hasSize(60).doesNotHaveDuplicates();
        assertThat(new HashSet<>(delivered)).isEqualTo(new HashSet<>(expectedIds(e -> true)));
        assertThat(consumer("poll").getEventsFromSweeps()).as("the late ones came by sweeps").isEqualTo(late.size());
    }

    @Test
    void anIdlePollCostsOneRequestHoweverFullTheLookbackIs() throws Exception {
        startSandbox(SandboxTenant.builder().history(500, Duration.ofMillis(100), Instant.now()));
        startContext(route("lookback=PT2M&sweepInterval=PT1M", null));
        Progress.awaitCount("history", delivered::size, 500);
        awaitMorePolls("poll", 2);

        long requestsBefore = sandbox.requestCount();
        long pollsBefore = consumer("poll").getCounter();
        awaitMorePolls("poll", 20);
        long requests = sandbox.requestCount() - requestsBefore;
        long polls = consumer("poll").getCounter() - pollsBefore;

        assertThat(requests).as("%d polls over a lookback of 500 events", polls).isLessThanOrEqualTo(polls + 2);
    }

    @Test
    void aRestartBetweenTailAndSweepLosesNothingAndRepeatsNothing() throws Exception {
        startSandbox(40);
        File state = tempDir.resolve("positions.dat").toFile();
        startContext(route(LATE, state));
        Progress.awaitCount("history", delivered::size, 40);
        context.close();

        for (int i = 0; i < 5; i++) {
            sandbox.feed().publishGenerated(Instant.now().minusSeconds(15));
            sandbox.feed().publishGenerated(Instant.now());
        }
        // and one dated before the newest event delivered before the stop: only a sweep finds it
        sandbox.feed().publishGenerated(sandbox.feed().snapshot().get(39).time().minusSeconds(5));
        startContext(route(LATE, state));
        Progress.awaitCount("events published while stopped, late ones included", delivered::size, 51);
        awaitMorePolls("poll", 3);

        assertThat(delivered).hasSize(51).doesNotHaveDuplicates();
        assertThat(new HashSet<>(delivered)).isEqualTo(new HashSet<>(expectedIds(e -> true)));
    }

    /** The polling route with {@code options}; with {@code state}, its position in that file. */
    private RouteBuilder route(String options, File state) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String uri = "since=P1D&" + options;
                if (state != null) {
                    getContext().getRegistry().bind("positions", FileStateRepository.fileStateRepository(state));
                    uri += "&cursorRepository=#positions";
                }
                from(pollUri(uri)).routeId("poll").process(e -> delivered.add(id(e)));
            }
        };
    }
}
