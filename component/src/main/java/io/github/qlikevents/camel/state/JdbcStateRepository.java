package io.github.qlikevents.camel.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.ObjectHelper;

/**
 * A Camel {@link org.apache.camel.spi.StateRepository} in a database table, one row per key, for positions that
 * several replicas share without a shared disk. It creates its table when absent, in SQL that PostgreSQL,
 * MySQL/MariaDB, SQL Server, Oracle and H2 all take. Keys can be claimed ({@link FencedStateRepository}): a poller
 * claims its key when it starts, and a write of an owner that was claimed from since is refused, never applied.
 */
public class JdbcStateRepository extends ServiceSupport implements FencedStateRepository {

    /** The table's default name. */
    public static final String DEFAULT_TABLE_NAME = "QLIK_EVENTS_STATE";
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
    /** The type of the value column by database product name (its start); others take the standard CLOB. */
    private static final Map<String, String> TEXT_TYPES = Map.of(
            "PostgreSQL", "TEXT",
            "MySQL", "LONGTEXT",
            "MariaDB", "LONGTEXT",
            "Microsoft SQL Server", "NVARCHAR(MAX)");
    private static final String STANDARD_TEXT_TYPE = "CLOB";
    /** Integrity constraint violation: the SQLSTATE class of a duplicate key in every one of those databases. */
    private static final String INTEGRITY_VIOLATION = "23";

    private DataSource dataSource;
    private String tableName = DEFAULT_TABLE_NAME;

    public JdbcStateRepository() {
    }

    public JdbcStateRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    /** The database that holds the table. */
    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String getTableName() {
        return tableName;
    }

    /** The table's name (letters, digits and underscores, optionally after a schema name and a dot). */
    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    @Override
    protected void doStart() throws Exception {
        ObjectHelper.notNull(dataSource, "dataSource", this);
        if (!TABLE_NAME.matcher(tableName).matches()) {
            throw new IllegalArgumentException("tableName '" + tableName + "' is not a plain SQL table name: use "
                                               + "letters, digits and underscores, optionally schema.table");
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!tableExists(connection)) {
                createTable(connection);
            }
        }
    }

    @Override
    public String getState(String key) {
        return execute(key, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT STATE_VALUE FROM " + tableName + " WHERE STATE_KEY = ?")) {
                select.setString(1, key);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getString(1) : null;
                }
            }
        });
    }

    /** Writes the value whoever holds the key's claim (for users of a plain StateRepository). */
    @Override
    public void setState(String key, String value) {
        execute(key, connection -> upsert(connection, key, "STATE_VALUE", value));
    }

    @Override
    public String claim(String key) {
        String claim = UUID.randomUUID().toString();
        execute(key, connection -> upsert(connection, key, "OWNER_CLAIM", claim));
        return claim;
    }

    @Override
    public void setState(String key, String value, String claim) {
        int updated = execute(key, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE " + tableName + " SET STATE_VALUE = ? WHERE STATE_KEY = ? AND OWNER_CLAIM = ?")) {
                update.setString(1, value);
                update.setString(2, key);
                update.setString(3, claim);
                return update.executeUpdate();
            }
        });
        if (updated == 0) {
            throw new LostClaimException(key);
        }
    }

    /** Sets one column of the key's row, inserting the row when there is none (also when another inserts it first). */
    private int upsert(Connection connection, String key, String column, String value) throws SQLException {
        for (int attempt = 0;; attempt++) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE " + tableName + " SET " + column + " = ? WHERE STATE_KEY = ?")) {
                update.setString(1, value);
                update.setString(2, key);
                if (update.executeUpdate() > 0) {
                    return 1;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + tableName + " (STATE_KEY, " + column + ") VALUES (?, ?)")) {
                insert.setString(1, key);
                insert.setString(2, value);
                return insert.executeUpdate();
            } catch (SQLException e) {
                if (attempt > 0 || e.getSQLState() == null || !e.getSQLState().startsWith(INTEGRITY_VIOLATION)) {
                    throw e;
                }
                // another replica inserted the row between the two statements: update it
            }
        }
    }

    private boolean tableExists(Connection connection) {
        try (Statement probe = connection.createStatement()) {
            probe.executeQuery("SELECT COUNT(*) FROM " + tableName + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private void createTable(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        String textType = TEXT_TYPES.entrySet().stream().filter(type -> product.startsWith(type.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(STANDARD_TEXT_TYPE);
        try (Statement create = connection.createStatement()) {
            create.execute("CREATE TABLE " + tableName + " (STATE_KEY VARCHAR(255) NOT NULL PRIMARY KEY, STATE_VALUE "
                           + textType + ", OWNER_CLAIM VARCHAR(36))");
        } catch (SQLException e) {
            // another replica may have created it at the same time
            if (!tableExists(connection)) {
                throw e;
            }
        }
    }

    private <T> T execute(String key, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            // each statement stands alone, whatever the pool's default
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try {
                return work.run(connection);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new RuntimeCamelException("State of key '" + key + "' in table " + tableName + " failed: "
                                            + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "JdbcStateRepository[" + tableName + "]";
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
