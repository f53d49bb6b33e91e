package io.github.qlikevents.camel.ha;

import io.github.qlikevents.camel.support.DatabaseServer;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two and three replicas (real processes) of {@code master:qlik:qlik-license-events:licenses} with leadership from a
 * real ZooKeeper (6 s sessions) and the position in a {@link io.github.qlikevents.camel.state.JdbcStateRepository} on
 * an H2 server, faults in sequence: the leader paused past its session and resumed (fenced off: its claim is lost,
 * though camel-master never takes its leadership away), then the replica that took over killed, then ZooKeeper
 * restarted. The deposed one comes back by itself once the lease of the killed one lapses: with two replicas, nobody
 * else could.
 */
class FencedFailoverTest extends FailoverSequenceSupport {

    private TestingServer zooKeeper;

    @AfterEach
    void stopZooKeeper() throws Exception {
        if (zooKeeper != null) {
            zooKeeper.close();
        }
    }

    @ParameterizedTest(name = "{0} replicas")
    @ValueSource(ints = { 2, 3 })
    void aLeaderPausedPastItsSessionThenTheOneThatTookOverKilled(int count) throws Exception {
        zooKeeper = new TestingServer(true);
        start(DatabaseServer.Kind.H2, "zookeeper:" + zooKeeper.getConnectString());
        String[] standbys = count == 2 ? new String[] { "b" } : new String[] { "b", "c" };
        startLeaderThenStandbys(0, "a", standbys);

        String tookOver = pauseDelivererPastItsLease();
        assertThat(tookOver).as("the replica delivering after a paused and resumed").isNotEqualTo("a");
        String last = killDeliverer();
        if (count == 2) {
            assertThat(last).as("the only replica left: the one deposed before").isEqualTo("a");
        }
        zooKeeper.restart();
        awaitOneDeliverer();

        drainAndCheck("ZooKeeper, H2, " + count + " replicas: leader paused (SIGSTOP) past its session and resumed, "
                      + "then the replica that took over killed (SIGKILL), then ZooKeeper restarted");
    }
}
