package io.github.qlikevents.camel.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import javax.sql.DataSource;

import io.github.qlikevents.camel.jdbc.JdbcTable;
import io.github.qlikevents.camel.jdbc.LeaseTiming;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.ObjectHelper;

/**
 * A Camel {@link org.apache.camel.spi.StateRepository} in a database table, one row per key, for positions that
 * several replicas share without a shared disk. It creates its table when absent, in SQL that PostgreSQL,
 * MySQL/MariaDB, SQL Server, Oracle and H2 all take. Keys can be claimed under a lease ({@link FencedStateRepository}):
 * a poller claims its key when it starts and renews the lease while it polls; a write of an owner that was claimed
 * from since is refused, never applied; a lease lapses by the database's clock.
 */
public class JdbcStateRepository extends ServiceSupport implements FencedStateRepository {

    /** The table's default name. */
    public static final String DEFAULT_TABLE_NAME = "QLIK_EVENTS_STATE";
    /** The default of leaseDuration. */
    public static final String DEFAULT_LEASE_DURATION = "PT30S";

    private DataSource dataSource;
    private String tableName = DEFAULT_TABLE_NAME;
    private String leaseDuration = DEFAULT_LEASE_DURATION;
    private String renewInterval;
    private JdbcTable table;
    private LeaseTiming timing;
    /** The database clock's expression plus a parameter: when a lease taken or renewed now ends. */
    private String leaseEnd;

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

    public String getLeaseDuration() {
        return leaseDuration;
    }

    /**
     * How long a poller's claim on its key runs after each renewal, by the database's clock: an ISO-8601 duration such
     * as PT30S, or milliseconds. A poller that stopped renewing (killed, paused) is taken over this long after.
     */
    public void setLeaseDuration(String leaseDuration) {
        this.leaseDuration = leaseDuration;
    }

    public String getRenewInterval() {
        return renewInterval;
    }

    /**
     * How often the holder renews its lease, and a poller that lost its claim looks whether the lease lapsed: an
     * ISO-8601 duration or milliseconds, at most half of leaseDuration; a third of it by default.
     */
    public void setRenewInterval(String renewInterval) {
        this.renewInterval = renewInterval;
    }

    @Override
    protected void doStart() throws Exception {
        ObjectHelper.notNull(dataSource, "dataSource", this);
        timing = LeaseTiming.of(leaseDuration, renewInterval);
        table = new JdbcTable(dataSource, tableName);
        table.create(dialect -> "STATE_KEY VARCHAR(255) NOT NULL PRIMARY KEY, STATE_VALUE " + dialect.textType()
                                + ", OWNER_CLAIM VARCHAR(36), LEASE_HOLDER VARCHAR(255), LEASE_EXPIRES "
                                + dialect.integerType());
        // a table made before leases existed
        table.addColumnWhenAbsent("LEASE_HOLDER", dialect -> "VARCHAR(255)");
        table.addColumnWhenAbsent("LEASE_EXPIRES", dialect -> dialect.integerType());
        leaseEnd = table.dialect().nowPlusParameter();
    }

    @Override
    public LeaseTiming leaseTiming() {
        return timing;
    }

    @Override
    public String getState(String key) {
        return table.execute("read of key '" + key + "'", connection -> {
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
        table.execute("write of key '" + key + "'", connection -> upsert(connection, key,
                "STATE_VALUE = ?", "STATE_VALUE", "?", value));
    }

    @Override
    public String claim(String key, String holder) {
        String claim = UUID.randomUUID().toString();
        table.execute("claim of key '" + key + "'", connection -> upsert(connection, key,
                "OWNER_CLAIM = ?, LEASE_HOLDER = ?, LEASE_EXPIRES = " + leaseEnd,
                "OWNER_CLAIM, LEASE_HOLDER, LEASE_EXPIRES", "?, ?, " + leaseEnd, claim, holder,
                timing.lease().toMillis()));
        return claim;
    }

    @Override
    public String claimIfFree(String key, String holder) {
        String claim = UUID.randomUUID().toString();
        boolean claimed = table.execute("claim of key '" + key + "'", connection -> {
            if (JdbcTable.update(connection, "UPDATE " + tableName + " SET OWNER_CLAIM = ?, LEASE_HOLDER = ?, "
                                             + "LEASE_EXPIRES = " + leaseEnd + " WHERE STATE_KEY = ? AND "
                                             + "(LEASE_EXPIRES IS NULL OR LEASE_EXPIRES < "
                                             + table.dialect().nowMillis() + ")",
                    claim, holder, timing.lease().toMillis(), key) > 0) {
                return true;
            }
            return !exists(connection, key) && upsert(connection, key, null, "OWNER_CLAIM, LEASE_HOLDER, LEASE_EXPIRES",
                    "?, ?, " + leaseEnd, claim, holder, timing.lease().toMillis()) > 0;
        });
        return claimed ? claim : null;
    }

    @Override
    public void renew(String key, String claim) {
        write(key, "LEASE_EXPIRES = " + leaseEnd, claim, timing.lease().toMillis());
    }

    @Override
    public void setState(String key, String value, String claim) {
        write(key, "STATE_VALUE = ?, LEASE_EXPIRES = " + leaseEnd, claim, value, timing.lease().toMillis());
    }

    @Override
    public LeaseInfo lease(String key) {
        return table.execute("lease of key '" + key + "'", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT LEASE_HOLDER, LEASE_EXPIRES - " + table.dialect().nowMillis() + " FROM " + tableName
                                                                        + " WHERE STATE_KEY = ?")) {
                select.setString(1, key);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? new LeaseInfo(row.getString(1), Duration.ofMillis(row.getLong(2))) : null;
                }
            }
        });
    }

    @Override
    public void release(String key, String claim) {
        table.execute("release of key '" + key + "'", connection -> JdbcTable.update(connection,
                "UPDATE " + tableName + " SET LEASE_EXPIRES = 0 WHERE STATE_KEY = ? AND OWNER_CLAIM = ?", key, claim));
    }

    /**
     * Sets {@code assignments}, whose parameters are {@code values}, on the key's row when {@code claim} still holds
     * it; else nothing, and says so.
     */
    private void write(String key, String assignments, String claim, Object... values) {
        int updated = table.execute("write of key '" + key + "'", connection -> JdbcTable.update(connection,
                "UPDATE " + tableName + " SET " + assignments + " WHERE STATE_KEY = ? AND OWNER_CLAIM = ?",
                with(values, key, claim)));
        if (updated == 0) {
            throw new LostClaimException(key);
        }
    }

    private boolean exists(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM " + tableName + " WHERE STATE_KEY = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /**
     * Sets {@code assignments} on the key's row, or inserts the row with {@code columns} and {@code values} when there
     * is none, both taking {@code parameters}; when another replica inserts it first, updates it (or, with no
     * {@code assignments}, leaves it).
     *
     * @return rows written
     */
    private int upsert(Connection connection, String key, String assignments, String columns, String values,
                       Object... parameters) throws SQLException {
        Object[] withKey = with(parameters, key);
        for (int attempt = 0;; attempt++) {
            if (assignments != null && JdbcTable.update(connection,
                    "UPDATE " + tableName + " SET " + assignments + " WHERE STATE_KEY = ?", withKey) > 0) {
                return 1;
            }
            try {
                return JdbcTable.update(connection,
                        "INSERT INTO " + tableName + " (" + columns + ", STATE_KEY) VALUES (" + values + ", ?)", withKey);
            } catch (SQLException e) {
                if (attempt > 0 || !JdbcTable.isDuplicate(e)) {
                    throw e;
                }
                if (assignments == null) {
                    return 0;
                }
                // another replica inserted the row between the two statements: update it
            }
        }
    }

    /** {@code first}, then {@code more}: the parameters of a statement. */
    private static Object[] with(Object[] first, Object... more) {
        Object[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Override
    public String toString() {
        return "JdbcStateRepository[" + tableName + "]";
    }
}
