package io.github.qlikevents.camel.state;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The repository's contract on H2: its table, values, claims, refused writes of an owner claimed from, and leases that
 * lapse by the database's clock.
 */
class JdbcStateRepositoryTest {

    private JdbcDataSource dataSource;
    private JdbcStateRepository repository;

    @BeforeEach
    void startRepository() throws Exception {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        repository = new JdbcStateRepository(dataSource);
        repository.start();
    }

    @Test
    void createsItsTableAndKeepsValuesAcrossInstances() {
        repository.setState("licenses", "{\"watermark\":1}");
        JdbcStateRepository another = new JdbcStateRepository(dataSource);
        another.start();

        assertThat(another.getState("licenses")).isEqualTo("{\"watermark\":1}");
        assertThat(another.getState("roles")).isNull();
    }

    @Test
    void keepsLargeValues() {
        String large = "x".repeat(1_000_000);
        repository.setState("licenses", large);

        assertThat(repository.getState("licenses")).isEqualTo(large);
    }

    @Test
    void aWriteOfAnOwnerClaimedFromIsRefusedAndNotApplied() {
        String first = repository.claim("licenses", "a");
        repository.setState("licenses", "one", first);
        String second = repository.claim("licenses", "a");

        assertThatThrownBy(() -> repository.setState("licenses", "stale", first))
                .isInstanceOf(LostClaimException.class).hasMessageContaining("'licenses'");
        assertThat(repository.getState("licenses")).isEqualTo("one");
        repository.setState("licenses", "two", second);
        assertThat(repository.getState("licenses")).isEqualTo("two");
    }

    @Test
    void aClaimOfOneKeyLeavesTheOthersAlone() {
        String licenses = repository.claim("licenses", "a");
        repository.claim("roles", "a");

        repository.setState("licenses", "kept", licenses);
        assertThat(repository.getState("licenses")).isEqualTo("kept");
    }

    @Test
    void aRunningLeaseKeepsOthersOutUntilItLapsesThenTheKeyIsClaimedFromNobody() {
        JdbcStateRepository shortLeases = new JdbcStateRepository(dataSource);
        shortLeases.setTableName("SHORT_LEASES");
        shortLeases.setLeaseDuration("PT1S");
        shortLeases.start();
        String first = shortLeases.claim("licenses", "replica-a");

        assertThat(shortLeases.claimIfFree("licenses", "replica-b")).as("claimed while a's lease runs").isNull();
        LeaseInfo lease = shortLeases.lease("licenses");
        assertThat(lease.holder()).isEqualTo("replica-a");
        assertThat(lease.remaining()).isBetween(Duration.ZERO, Duration.ofSeconds(1));

        String second = await("a's lease lapses").atMost(Duration.ofSeconds(30))
                .until(() -> shortLeases.claimIfFree("licenses", "replica-b"), claim -> claim != null);
        assertThat(shortLeases.lease("licenses").holder()).isEqualTo("replica-b");
        assertThatThrownBy(() -> shortLeases.renew("licenses", first)).isInstanceOf(LostClaimException.class);
        shortLeases.renew("licenses", second);
    }

    @Test
    void aReleasedLeaseIsFreeAtOnceAndAKeyNeverClaimedIsFree() {
        String first = repository.claim("licenses", "replica-a");
        repository.release("licenses", first);

        assertThat(repository.lease("licenses").running()).isFalse();
        assertThat(repository.claimIfFree("licenses", "replica-b")).isNotNull();
        assertThat(repository.lease("roles")).isNull();
        assertThat(repository.claimIfFree("roles", "replica-b")).isNotNull();
        assertThat(repository.claimIfFree("roles", "replica-c")).isNull();
    }

    @Test
    void aTableOfAnEarlierVersionGainsTheLeaseColumns() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement create = connection.createStatement()) {
            create.execute("CREATE TABLE OLD_STATE (STATE_KEY VARCHAR(255) NOT NULL PRIMARY KEY, STATE_VALUE CLOB, "
                           + "OWNER_CLAIM VARCHAR(36))");
            create.execute("INSERT INTO OLD_STATE (STATE_KEY, STATE_VALUE, OWNER_CLAIM) VALUES ('licenses', 'kept', "
                           + "'old-claim')");
        }
        JdbcStateRepository upgraded = new JdbcStateRepository(dataSource);
        upgraded.setTableName("OLD_STATE");
        upgraded.start();

        assertThat(upgraded.getState("licenses")).isEqualTo("kept");
        assertThat(upgraded.claimIfFree("licenses", "replica-a")).as("a claim of an earlier version has no lease")
                .isNotNull();
    }

    @Test
    void refusesALeaseWhoseRenewalCannotFailOnce() {
        JdbcStateRepository tight = new JdbcStateRepository(dataSource);
        tight.setLeaseDuration("10000");
        tight.setRenewInterval("PT6S");

        assertThatThrownBy(tight::start).hasMessageContaining("at most half of leaseDuration");
    }

    @Test
    void refusesATableNameThatIsNotPlainSql() {
        JdbcStateRepository injected = new JdbcStateRepository(dataSource);
        injected.setTableName("positions; DROP TABLE users");

        assertThatThrownBy(injected::start).hasMessageContaining("not a plain SQL table name");
    }
}
