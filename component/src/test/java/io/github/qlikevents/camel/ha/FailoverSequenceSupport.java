package io.github.qlikevents.camel.ha;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.qlikevents.camel.reliability.ReliabilityReport;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import io.github.qlikevents.camel.support.ChildJvm;
import io.github.qlikevents.camel.support.DatabaseServer;
import io.github.qlikevents.camel.support.Progress;
import io.github.qlikevents.camel.support.SandboxTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults in sequence on replicas of {@link FencedReplicaMain} while the sandbox publishes 20 events a second: each
 * step disrupts the replica that delivers (a pause past its lease, a kill, a database restart) and checks the rule of
 * every hand-over: within lease + delay + 10 s some replica delivers again, and once it settled exactly one does.
 * The end checks that nothing was lost and at most a page came again per hand-over.
 */
abstract class FailoverSequenceSupport extends SandboxTestSupport {

    /** Leases of leadership and position (and the ZooKeeper session). */
    static final long LEASE_MILLIS = 6_000;
    static final int PAGE = 100;
    /** The poll delay of the replicas' routes. */
    private static final long DELAY_MILLIS = 100;
    /** The promise of every hand-over: lease + delay + 10 s. */
    static final Duration HAND_OVER_LIMIT = Duration.ofMillis(LEASE_MILLIS + DELAY_MILLIS + 10_000);

    @TempDir
    Path shared;
    DatabaseServer database;
    ReplicaSet replicas;
    /** Each hand-over: what happened, and ms from it to the next delivery. */
    private final List<String> handOvers = new ArrayList<>();

    /** Starts the sandbox publishing, the database and the replica set; {@code leadership} as ReplicaSet takes it. */
    void start(DatabaseServer.Kind kind, String leadership) throws Exception {
        startSandbox(SandboxTenant.builder().history(300, Duration.ofMillis(100), Instant.now().minusSeconds(5)));
        sandbox.publishEvery(Duration.ofMillis(50));
        database = DatabaseServer.start(kind, shared);
        replicas = new ReplicaSet(shared, sandbox.url(), API_KEY, database.jdbcUrl(), leadership, LEASE_MILLIS);
    }

    @AfterEach
    void stopDatabase() throws Exception {
        ChildJvm.destroyAll();
        if (database != null) {
            database.close();
        }
    }

    /**
     * Starts the first replica, its component's clock {@code skewSeconds} ahead, lets it deliver, then starts the
     * others, which stand by.
     */
    void startLeaderThenStandbys(long skewSeconds, String leader, String... standbys) throws Exception {
        replicas.startSkewed(leader, skewSeconds);
        Progress.awaitCount("delivered by the leader", () -> replicas.deliveries(leader).size(), 200);
        for (String standby : standbys) {
            replicas.start(standby);
        }
        long before = replicas.deliveries(leader).size();
        Progress.awaitCount("delivered by the leader beside its standbys", () -> replicas.deliveries(leader).size(),
                before + 100);
        for (String standby : standbys) {
            assertThat(replicas.deliveries(standby)).as("deliveries by standby " + standby).isEmpty();
        }
    }

    /** The replica delivering now. */
    String deliverer() {
        long since = System.currentTimeMillis();
        await("a replica delivers").atMost(Progress.STALL)
                .until(() -> replicas.latestDeliverer(since) != null);
        return replicas.latestDeliverer(since);
    }

    /**
     * Pauses the deliverer past its lease (SIGSTOP), waits for another to take over within the limit, resumes it
     * (SIGCONT) and waits until one replica delivers.
     *
     * @return the replica delivering after the step
     */
    String pauseDelivererPastItsLease() throws Exception {
        String paused = deliverer();
        replicas.pause(paused);
        long at = System.currentTimeMillis();
        String next = awaitHandOver("the deliverer " + paused + " paused (SIGSTOP) past its lease", Set.of(paused),
                at);
        Progress.awaitCount("delivered by " + next, () -> replicas.deliveries(next).size(),
                replicas.deliveries(next).size() + 100);
        replicas.resume(paused);
        long resumed = System.currentTimeMillis();
        String settled = awaitOneDeliverer();
        assertThat(replicas.deliveries(paused)).filteredOn(d -> d.atMillis() >= resumed)
                .as("events " + paused + " delivered after it resumed").hasSizeLessThanOrEqualTo(PAGE);
        return settled;
    }

    /** Kills the deliverer (SIGKILL) and waits for another to take over within the limit. */
    String killDeliverer() throws Exception {
        String killed = deliverer();
        replicas.kill(killed);
        awaitHandOver("the deliverer " + killed + " killed", Set.of(killed), System.currentTimeMillis());
        return awaitOneDeliverer();
    }

    /** Stops the database for {@code down}, starts it again, and waits for deliveries within the limit. */
    String restartDatabase(Duration down, Set<String> gone) throws Exception {
        database.stop();
        Thread.sleep(down.toMillis());
        database.startAgain();
        awaitHandOver("the database back after " + down.toSeconds() + " s down", gone, System.currentTimeMillis());
        return awaitOneDeliverer();
    }

    /**
     * Waits, within the limit of a hand-over, for a delivery by a replica not in {@code excluded} after
     * {@code fromMillis}, and records how long it took.
     */
    String awaitHandOver(String what, Set<String> excluded, long fromMillis) {
        await("a replica delivers after " + what).atMost(HAND_OVER_LIMIT)
                .until(() -> replicas.firstDeliveryOutside(excluded, fromMillis) != null);
        ReplicaSet.Delivery first = replicas.firstDeliveryOutside(excluded, fromMillis);
        handOvers.add(what + ": " + (first.atMillis() - fromMillis) + " ms");
        return replicas.latestDeliverer(fromMillis);
    }

    /** Waits until 100 more events arrived, then until 100 more did, all of them by one replica, and names it. */
    String awaitOneDeliverer() {
        Progress.awaitCount("deliveries", replicas::deliveryCount, replicas.deliveryCount() + 100);
        long settled = System.currentTimeMillis();
        Progress.awaitCount("deliveries once settled", replicas::deliveryCount, replicas.deliveryCount() + 100);
        assertThat(replicas.deliveringSince(settled)).as("replicas delivering once the hand-over settled").hasSize(1);
        return replicas.deliveringSince(settled).iterator().next();
    }

    /**
     * Stops publishing, waits for every event, and checks: none lost, at most a page twice per hand-over; records the
     * scenario and its hand-over times in the reliability report.
     */
    void drainAndCheck(String scenario) throws Exception {
        sandbox.stopPublishing();
        int expected = expectedIds(e -> true).size();
        Progress.awaitCount("distinct events delivered", () -> replicas.distinctIds().size(), expected);

        assertThat(replicas.distinctIds()).isEqualTo(new HashSet<>(expectedIds(e -> true)));
        long duplicated = replicas.deliveryCount() - expected;
        ReliabilityReport.record(scenario + " (hand-overs: " + String.join("; ", handOvers) + "; limit "
                                 + HAND_OVER_LIMIT.toMillis() + " ms)", expected, expected, duplicated, 0);
        assertThat(duplicated).as("delivered twice: at most a page per hand-over")
                .isLessThanOrEqualTo((long) PAGE * handOvers.size());
    }
}
