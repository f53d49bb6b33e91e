package io.github.qlikevents.camel.ha;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;

import io.github.qlikevents.camel.ha.ReplicaSet.Delivery;
import io.github.qlikevents.camel.reliability.ReliabilityReport;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import io.github.qlikevents.camel.support.ChildJvm;
import io.github.qlikevents.camel.support.Progress;
import io.github.qlikevents.camel.support.SandboxTestSupport;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three replicas (real processes) of {@code master:qlik:qlik-license-events:licenses} with leadership from a real
 * ZooKeeper server and the position in a {@link io.github.qlikevents.camel.state.JdbcStateRepository} on a real
 * database server, no shared disk, while the sandbox publishes 20 events a second: a leader paused past its session and
 * resumed (the split brain that camel-master alone does not end), a leader killed, ZooKeeper restarted. Each time one
 * replica delivers, nothing is lost, and at most a page comes twice.
 */
class FencedFailoverTest extends SandboxTestSupport {

    private static final long SESSION_MILLIS = 6_000;
    private static final int PAGE = 100;
    /** How long a take-over may take beyond the session timeout on a slow, loaded machine. */
    private static final Duration TAKE_OVER_SLACK = Duration.ofSeconds(30);

    @TempDir
    Path shared;
    private TestingServer zooKeeper;
    private DatabaseServer database;
    private ReplicaSet replicas;

    private void start(DatabaseServer.Kind kind) throws Exception {
        startSandbox(SandboxTenant.builder().history(300, Duration.ofMillis(100), Instant.now().minusSeconds(5)));
        sandbox.publishEvery(Duration.ofMillis(50));
        zooKeeper = new TestingServer(true);
        database = kind.start(shared);
        replicas = new ReplicaSet(shared, sandbox.url(), API_KEY, database.jdbcUrl(), zooKeeper.getConnectString(),
                SESSION_MILLIS);
    }

    @AfterEach
    void stopServers() throws Exception {
        ChildJvm.destroyAll();
        if (database != null) {
            database.close();
        }
        if (zooKeeper != null) {
            zooKeeper.close();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseServer.Kind.class)
    void aLeaderPausedPastItsSessionIsFencedOffWhenItResumes(DatabaseServer.Kind kind) throws Exception {
        start(kind);
        startLeaderThenStandbys("a", "b", "c");

        replicas.pause("a");
        long paused = System.currentTimeMillis();
        Delivery first = awaitTakeOver("a", paused);
        String leader = replicas.deliveringSince(paused).stream().filter(name -> !name.equals("a")).findFirst()
                .orElseThrow();
        Progress.awaitCount("delivered by the new leader " + leader, () -> replicas.deliveries(leader).size(), 200);
        replicas.resume("a");
        long resumed = System.currentTimeMillis();
        await("a logs its lost claim").atMost(Progress.STALL).until(() -> replicas.log("a").contains(
                "Lost the claim on the poll position"));
        long fenced = System.currentTimeMillis();
        long before = replicas.deliveries(leader).size();
        Progress.awaitCount("delivered by " + leader + " after a resumed", () -> replicas.deliveries(leader).size(),
                before + 100);
        assertThat(replicas.deliveries("a")).filteredOn(d -> d.atMillis() >= resumed)
                .as("events the resumed leader delivered before its write was refused").hasSizeLessThanOrEqualTo(PAGE);
        long aAfterClaimLost = replicas.deliveries("a").size();

        long duplicated = drainAndCheck(kind + ": leader paused (SIGSTOP) past its session beside two standbys, then "
                                        + "resumed", first, paused, fenced);
        assertThat(replicas.deliveries("a")).as("the resumed leader delivered nothing after it lost its claim")
                .hasSize((int) aAfterClaimLost);
        assertThat(duplicated).isLessThanOrEqualTo(PAGE);
    }

    @Test
    void aKilledLeaderIsReplacedByOneOfTwoStandbys() throws Exception {
        start(DatabaseServer.Kind.POSTGRESQL);
        startLeaderThenStandbys("a", "b", "c");

        replicas.kill("a");
        long killed = System.currentTimeMillis();
        Delivery first = awaitTakeOver("a", killed);

        drainAndCheck("POSTGRESQL: leader killed (SIGKILL), two standbys", first, killed, first.atMillis());
    }

    @Test
    void zooKeeperRestartedLeavesOneDeliveringLeader() throws Exception {
        start(DatabaseServer.Kind.POSTGRESQL);
        startLeaderThenStandbys("a", "b", "c");

        long restarted = System.currentTimeMillis();
        zooKeeper.restart();
        long before = replicas.deliveryCount();
        Progress.awaitCount("deliveries after ZooKeeper restarted", replicas::deliveryCount, before + 200);
        long settled = System.currentTimeMillis();
        Delivery first = replicas.firstDeliveryByAnotherSince("", restarted);

        drainAndCheck("POSTGRESQL: ZooKeeper restarted under three replicas", first, restarted, settled);
    }

    /** Starts the first replica, lets it deliver as leader, then starts the others, which stand by. */
    private void startLeaderThenStandbys(String leader, String... standbys) throws Exception {
        replicas.start(leader);
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

    /** Waits until another replica than {@code leader} delivers, within the session timeout and some slack. */
    private Delivery awaitTakeOver(String leader, long since) {
        await("another replica takes over from " + leader)
                .atMost(Duration.ofMillis(SESSION_MILLIS).plus(TAKE_OVER_SLACK))
                .until(() -> replicas.firstDeliveryByAnotherSince(leader, since) != null);
        return replicas.firstDeliveryByAnotherSince(leader, since);
    }

    /**
     * Stops publishing, waits for every event, and checks: none lost, at most a page twice (one hand-over), and one
     * replica delivering since {@code settled}; reports how long after the disruption at {@code disrupted} the
     * first delivery came.
     */
    private long drainAndCheck(String scenario, Delivery first, long disrupted, long settled) throws Exception {
        sandbox.stopPublishing();
        int expected = expectedIds(e -> true).size();
        Progress.awaitCount("distinct events delivered", () -> replicas.distinctIds().size(), expected);

        assertThat(replicas.distinctIds()).isEqualTo(new HashSet<>(expectedIds(e -> true)));
        long duplicated = replicas.deliveryCount() - expected;
        long lateMillis = first.atMillis() - disrupted;
        ReliabilityReport.record(scenario + " (first delivery after it: " + lateMillis + " ms; session "
                                 + SESSION_MILLIS + " ms)", expected, expected, duplicated, 0);
        assertThat(duplicated).as("delivered twice: at most a page").isLessThanOrEqualTo(PAGE);
        assertThat(replicas.deliveringSince(settled)).as("replicas delivering once the hand-over settled")
                .hasSizeLessThanOrEqualTo(1);
        return duplicated;
    }
}
