package io.github.qlikevents.camel.cluster;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.github.qlikevents.camel.jdbc.JdbcTable;
import io.github.qlikevents.camel.jdbc.LeaseTiming;

/**
 * The leadership table: one lease row per namespace ({@code NAME}, {@code HOLDER}, {@code LEASE_EXPIRES} in the
 * database clock's milliseconds), and one per live replica, its presence, named {@code replica:<id>} and held by
 * itself. Every expiry is set and compared by the database's clock.
 */
final class LeaderLeases {

    /** The name of a replica's presence row starts with this. */
    static final String REPLICA = "replica:";

    /**
     * A row as read.
     *
     * @param name            the namespace, or {@code replica:<id>}
     * @param holder          the replica holding it, null when free
     * @param remainingMillis how long its lease still runs by the database's clock; zero or less once it lapsed
     */
    record Lease(String name, String holder, long remainingMillis) {

        boolean presence() {
            return name.startsWith(REPLICA);
        }

        boolean heldBy(String id) {
            return id.equals(holder) && remainingMillis > 0;
        }

        boolean free() {
            return holder == null || remainingMillis <= 0;
        }
    }

    private final JdbcTable table;
    private final LeaseTiming timing;
    private String now;
    private String leaseEnd;

    LeaderLeases(DataSource dataSource, String tableName, LeaseTiming timing) {
        this.table = new JdbcTable(dataSource, tableName);
        this.timing = timing;
    }

    /** Creates the table when absent. */
    void create() {
        table.create(dialect -> "NAME VARCHAR(255) NOT NULL PRIMARY KEY, HOLDER VARCHAR(255), LEASE_EXPIRES "
                                + dialect.integerType());
        now = table.dialect().nowMillis();
        leaseEnd = table.dialect().nowPlusParameter();
    }

    /** Renews every lease {@code id} holds, its presence among them; one statement whatever their number. */
    void renew(String id) {
        table.execute("renewal of the leases of " + id, connection -> JdbcTable.update(connection,
                "UPDATE " + table.name() + " SET LEASE_EXPIRES = " + leaseEnd + " WHERE HOLDER = ?",
                timing.lease().toMillis(), id));
    }

    /** Every row, with how long its lease runs. */
    List<Lease> read() {
        return table.execute("read of the leases", connection -> {
            List<Lease> leases = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT NAME, HOLDER, LEASE_EXPIRES - " + now + " FROM " + table.name());
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long remaining = rows.getLong(3);
                    leases.add(new Lease(rows.getString(1), rows.getString(2), rows.wasNull() ? 0 : remaining));
                }
            }
            return leases;
        });
    }

    /** Adds a row for a namespace (free), or the presence of {@code holder} (held); nothing when it is there. */
    void add(String name, String holder) {
        table.execute("insert of " + name, connection -> {
            try {
                return holder == null
                        ? JdbcTable.update(connection, "INSERT INTO " + table.name() + " (NAME) VALUES (?)", name)
                        : JdbcTable.update(connection, "INSERT INTO " + table.name() + " (NAME, HOLDER, LEASE_EXPIRES) "
                                                       + "VALUES (?, ?, " + leaseEnd + ")",
                                name, holder, timing.lease().toMillis());
            } catch (SQLException e) {
                if (JdbcTable.isDuplicate(e)) {
                    return 0;
                }
                throw e;
            }
        });
    }

    /** Takes the namespace for {@code id} when it is free (never held, released, or its lease lapsed). */
    boolean take(String namespace, String id) {
        return table.execute("take of " + namespace, connection -> {
            return JdbcTable.update(connection, "UPDATE " + table.name() + " SET HOLDER = ?, LEASE_EXPIRES = " + leaseEnd
                                                + " WHERE NAME = ? AND (HOLDER IS NULL OR LEASE_EXPIRES IS NULL OR "
                                                + "LEASE_EXPIRES < " + now + ")",
                    id, timing.lease().toMillis(), namespace) > 0;
        });
    }

    /** Frees the namespace if {@code id} holds it, so that another replica may take it at once. */
    void release(String namespace, String id) {
        table.execute("release of " + namespace, connection -> JdbcTable.update(connection,
                "UPDATE " + table.name() + " SET HOLDER = NULL, LEASE_EXPIRES = NULL WHERE NAME = ? AND HOLDER = ?",
                namespace, id));
    }

    /** Frees every namespace {@code id} holds and removes its presence: the replica stops. */
    void leave(String id) {
        table.execute("release of the leases of " + id, connection -> JdbcTable.update(connection,
                "UPDATE " + table.name() + " SET HOLDER = NULL, LEASE_EXPIRES = NULL WHERE HOLDER = ? AND NAME <> ?",
                id, REPLICA + id) + JdbcTable.update(connection, "DELETE FROM " + table.name() + " WHERE NAME = ?", REPLICA + id));
    }

    @Override
    public String toString() {
        return table.name();
    }
}
