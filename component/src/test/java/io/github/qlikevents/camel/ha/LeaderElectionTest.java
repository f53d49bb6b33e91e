package io.github.qlikevents.camel.ha;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import io.github.qlikevents.camel.reliability.ReliabilityReport;
import io.github.qlikevents.camel.sandbox.SandboxRequest;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import io.github.qlikevents.camel.support.ChildJvm;
import io.github.qlikevents.camel.support.Progress;
import io.github.qlikevents.camel.support.SandboxTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas (real processes) share a lock directory and a position file: only the leader polls the tenant;
 * killing it with SIGKILL hands over to the other, which resumes from the shared position; nothing is lost.
 */
class LeaderElectionTest extends SandboxTestSupport {

    private static final int EVENTS = 2_000;
    private static final String KEY_B = API_KEY + "-b";

    @TempDir
    Path shared;

    @Test
    void onlyTheLeaderPollsAndTheOtherTakesOverAfterSigkill() throws Exception {
        startSandbox(SandboxTenant.builder().history(EVENTS, Duration.ofSeconds(1), Instant.now().minusSeconds(10))
                .apiKey(API_KEY).apiKey(KEY_B));
        Process a = launch("a", API_KEY);
        Progress.awaitCount("committed by a", () -> lines("a"), 200);
        Process b = launch("b", KEY_B);
        await().atMost(Progress.STALL).until(() -> Files.exists(shared.resolve("b.started")));
        long aBefore = lines("a");
        Progress.awaitCount("committed by a while b stands by", () -> lines("a"), aBefore + 300);

        assertThat(requestsBy("api-key-1")).as("requests of the replica that is not leader").isZero();
        assertThat(requestsBy("api-key-0")).isPositive();

        a.destroyForcibly().waitFor();
        Instant killed = Instant.now();
        Progress.awaitCount("distinct events committed", () -> distinctCommitted().size(), EVENTS);

        assertThat(requestsBy("api-key-1")).as("the other replica took over").isPositive();
        assertThat(sandbox.requests()).filteredOn(r -> r.at().isAfter(killed.plusSeconds(1)))
                .extracting(SandboxRequest::credential).containsOnly("api-key-1");
        assertThat(distinctCommitted()).isEqualTo(new HashSet<>(expectedIds(e -> true)));
        long duplicated = lines("a") + lines("b") - distinctCommitted().size();
        ReliabilityReport.record("master: leader killed with SIGKILL, the other replica takes over", EVENTS,
                distinctCommitted().size(), duplicated, EVENTS - distinctCommitted().size());
        assertThat(duplicated).as("delivered again after the take-over: at most the page in flight").isLessThanOrEqualTo(100);
        b.destroyForcibly().waitFor();
    }

    private Process launch(String name, String key) throws Exception {
        return ChildJvm.launch(LeaderCandidateMain.class, "leader-" + name, sandbox.url(), key, shared.toString(),
                name);
    }

    private long requestsBy(String credential) {
        return sandbox.requests().stream().filter(r -> credential.equals(r.credential())).count();
    }

    private Set<String> distinctCommitted() throws Exception {
        Set<String> ids = new HashSet<>();
        for (String name : new String[] { "a", "b" }) {
            Path file = shared.resolve("committed-" + name + ".txt");
            if (Files.exists(file)) {
                ids.addAll(Files.readAllLines(file));
            }
        }
        return ids;
    }

    private long lines(String name) throws Exception {
        Path file = shared.resolve("committed-" + name + ".txt");
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }
}
