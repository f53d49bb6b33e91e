package io.github.qlikevents.camel.ha;

import java.time.Duration;
import java.util.Set;

import io.github.qlikevents.camel.support.DatabaseServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replicas (real processes) of {@code master:qlik:qlik-license-events:licenses} with leadership from the position
 * database alone ({@link io.github.qlikevents.camel.cluster.JdbcClusterService}, 6 s leases), no ZooKeeper, the first
 * replica's clock five minutes ahead, faults in sequence: the deliverer paused past its lease and resumed, the
 * deliverer killed, the database server down for 15 s (over twice the lease) and started again; on PostgreSQL, MariaDB and H2 servers.
 */
class JdbcLeadershipFailoverTest extends FailoverSequenceSupport {

    private static final long SKEW_SECONDS = 300;
    private static final Duration DATABASE_DOWN = Duration.ofSeconds(15);

    @Test
    void threeReplicasOnPostgreSqlPausedKilledAndTheDatabaseRestarted() throws Exception {
        start(DatabaseServer.Kind.POSTGRESQL, "jdbc");
        startLeaderThenStandbys(SKEW_SECONDS, "a", "b", "c");

        pauseDelivererPastItsLease();
        String killed = deliverer();
        String survivor = killDeliverer();
        assertThat(survivor).isNotEqualTo(killed);
        restartDatabase(DATABASE_DOWN, Set.of(killed));

        drainAndCheck("JdbcClusterService, PostgreSQL, 3 replicas (one clock 5 min ahead): deliverer paused (SIGSTOP) "
                      + "past its lease and resumed, deliverer killed (SIGKILL), database down 15 s");
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseServer.Kind.class, names = { "H2", "MARIADB" })
    void twoReplicasPausedKilledRestartedAndTheDatabaseRestarted(DatabaseServer.Kind kind) throws Exception {
        start(kind, "jdbc");
        startLeaderThenStandbys(SKEW_SECONDS, "a", "b");

        assertThat(pauseDelivererPastItsLease()).isEqualTo("b");
        assertThat(killDeliverer()).as("the only replica left").isEqualTo("a");
        replicas.start("b");
        assertThat(awaitOneDeliverer()).as("the deliverer beside the restarted replica").isEqualTo("a");
        restartDatabase(DATABASE_DOWN, Set.of());

        drainAndCheck("JdbcClusterService, " + kind + ", 2 replicas (one clock 5 min ahead): deliverer paused (SIGSTOP) "
                      + "past its lease and resumed, deliverer killed (SIGKILL) and started again, database down 15 s");
    }
}
