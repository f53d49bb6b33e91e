package io.github.qlikevents.camel.state;

import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The repository's contract on H2: its table, values, claims and refused writes of an owner claimed from. */
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
        String first = repository.claim("licenses");
        repository.setState("licenses", "one", first);
        String second = repository.claim("licenses");

        assertThatThrownBy(() -> repository.setState("licenses", "stale", first))
                .isInstanceOf(LostClaimException.class).hasMessageContaining("'licenses'");
        assertThat(repository.getState("licenses")).isEqualTo("one");
        repository.setState("licenses", "two", second);
        assertThat(repository.getState("licenses")).isEqualTo("two");
    }

    @Test
    void aClaimOfOneKeyLeavesTheOthersAlone() {
        String licenses = repository.claim("licenses");
        repository.claim("roles");

        repository.setState("licenses", "kept", licenses);
        assertThat(repository.getState("licenses")).isEqualTo("kept");
    }

    @Test
    void refusesATableNameThatIsNotPlainSql() {
        JdbcStateRepository injected = new JdbcStateRepository(dataSource);
        injected.setTableName("positions; DROP TABLE users");

        assertThatThrownBy(injected::start).hasMessageContaining("not a plain SQL table name");
    }
}
