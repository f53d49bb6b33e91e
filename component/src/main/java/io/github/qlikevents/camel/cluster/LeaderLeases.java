package io.github.qlikevents.camel.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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

    /** Adds the presence of replica {@code id}, held by itself; nothing when it is there. */
    void addPresence(String id) {
        table.execute("insert of " + REPLICA + id, connection -> insert(connection,
                "INSERT INTO " + table.name() + " (NAME, HOLDER, LEASE_EXPIRES) VALUES (?, ?, " + leaseEnd + ")",
                REPLICA + id, id, timing.lease().toMillis()));
    }

    /**
     * Adds a free row for each of {@code namespaces}, in one batch; when the batch is refused (another replica added
     * one of them first), one at a time, skipping those that are there.
     */
    void addFree(Collection<String> namespaces) {
        String insert = "INSERT INTO " + table.name() + " (NAME) VALUES (?)";
        table.execute("insert of " + namespaces.size() + " namespaces", connection -> {
            try {
                JdbcTable.batch(connection, insert, namespaces.stream().map(name -> new Object[] { name }).toList());
            } catch (SQLException e) {
                for (String name : namespaces) {
                    insert(connection, insert, name);
                }
            }
            return null;
        });
    }

    private static int insert(Connection connection, String sql, Object... parameters) throws SQLException {
        try {
            return JdbcTable.update(connection, sql, parameters);
        } catch (SQLException e) {
            if (JdbcTable.isDuplicate(e)) {
                return 0;
            }
            throw e;
        }
    }

    /**
     * Takes for {@code id}, in one batch, those of {@code namespaces} that are free (never held, released, or their
     * lease lapsed), and returns them.
     */
    Set<String> take(Collection<String> namespaces, String id) {
        List<String> wanted = List.copyOf(namespaces);
        return table.execute("take of " + wanted.size() + " namespaces", connection -> {
            int[] changed = JdbcTable.batch(connection, "UPDATE " + table.name() + " SET HOLDER = ?, LEASE_EXPIRES = "
                                                        + leaseEnd + " WHERE NAME = ? AND (HOLDER IS NULL OR "
                                                        + "LEASE_EXPIRES IS NULL OR LEASE_EXPIRES < " + now + ")",
                    wanted.stream().map(name -> new Object[] { id, timing.lease().toMillis(), name }).toList());
            Set<String> taken = new TreeSet<>();
            for (int i = 0; i < changed.length; i++) {
                if (changed[i] > 0) {
                    taken.add(wanted.get(i));
                }
            }
            if (Arrays.stream(changed).anyMatch(count -> count == Statement.SUCCESS_NO_INFO)) {
                // the driver does not say which it changed: those the replica now holds are the ones taken
                taken.addAll(heldBy(connection, id));
                taken.retainAll(wanted);
            }
            return taken;
        });
    }

    private Set<String> heldBy(Connection connection, String id) throws SQLException {
        Set<String> held = new TreeSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT NAME FROM " + table.name() + " WHERE HOLDER = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    held.add(rows.getString(1));
                }
            }
        }
        return held;
    }

    /** Frees those of {@code namespaces} that {@code id} holds, in one batch, so that another replica may take them. */
    void release(Collection<String> namespaces, String id) {
        table.execute("release of " + namespaces.size() + " namespaces", connection -> JdbcTable.batch(connection,
                "UPDATE " + table.name() + " SET HOLDER = NULL, LEASE_EXPIRES = NULL WHERE NAME = ? AND HOLDER = ?",
                namespaces.stream().map(name -> new Object[] { name, id }).toList()));
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
