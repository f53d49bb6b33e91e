package io.github.qlikevents.camel.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import io.github.qlikevents.camel.sandbox.SandboxTenant;
import io.github.qlikevents.camel.support.ChildJvm;
import io.github.qlikevents.camel.support.Progress;
import io.github.qlikevents.camel.support.SandboxTestSupport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer process is killed with SIGKILL at random points of a 3,000 event stream and restarted, four times:
 * with a durable idempotent consumer what it committed is the stream, once each; without, the duplicates of the
 * at-least-once window stay within one page per crash, and nothing is lost either way.
 */
class CrashRestartTest extends SandboxTestSupport {

    private static final int EVENTS = 3_000;
    private static final int KILLS = 4;
    private static final int PAGE_SIZE = 100;

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(strings = { "idempotent", "plain" })
    void sigkillAndRestartLoseNothing(String mode) throws Exception {
        startSandbox(SandboxTenant.builder().history(EVENTS, Duration.ofSeconds(1), Instant.now().minusSeconds(10)));
        Path committed = directory.resolve("committed.txt");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int[] killPoints = IntStream.generate(() -> 100 + random.nextInt(EVENTS - 200)).limit(KILLS).sorted()
                .toArray();

        for (int i = 0; i < KILLS; i++) {
            Process consumer = launch(mode, i);
            int killAt = killPoints[i];
            Progress.awaitCount("committed before kill " + (i + 1), () -> lines(committed), killAt);
            consumer.destroyForcibly().waitFor();
        }
        Process last = launch(mode, KILLS);
        Progress.awaitCount("distinct events committed", () -> distinct(committed), EVENTS);
        last.destroyForcibly().waitFor();

        List<String> lines = Files.readAllLines(committed);
        Set<String> distinct = new HashSet<>(lines);
        Set<String> expected = new HashSet<>(expectedIds(e -> true));
        Set<String> lost = new HashSet<>(expected);
        lost.removeAll(distinct);
        int duplicated = lines.size() - distinct.size();
        ReliabilityReport.record("SIGKILL x" + KILLS + " and restart, FileStateRepository, "
                                 + ("idempotent".equals(mode) ? "durable idempotent consumer" : "no idempotent consumer"),
                EVENTS, distinct.size(), duplicated, lost.size());

        assertThat(lost).as("lost (seed %d)", seed).isEmpty();
        assertThat(distinct).isEqualTo(expected);
        if ("idempotent".equals(mode)) {
            assertThat(duplicated).as("duplicates with a durable idempotent consumer (seed %d)", seed).isZero();
        } else {
            assertThat(duplicated).as("duplicates without (seed %d)", seed).isLessThanOrEqualTo(KILLS * PAGE_SIZE);
        }
    }

    private Process launch(String mode, int run) throws Exception {
        return ChildJvm.launch(CrashingConsumerMain.class, "crash-" + mode + "-" + run, sandbox.url(), API_KEY,
                directory.toString(), mode);
    }

    private static long distinct(Path file) throws Exception {
        return Files.exists(file) ? new HashSet<>(Files.readAllLines(file)).size() : 0;
    }

    private static long lines(Path file) throws Exception {
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }
}
