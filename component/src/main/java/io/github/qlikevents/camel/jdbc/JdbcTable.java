package io.github.qlikevents.camel.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.camel.RuntimeCamelException;

/**
 * One of this component's tables: created when absent (also when another replica creates it at the same moment),
 * with the {@link SqlDialect} of its database; each statement runs on its own (autocommit), whatever the pool's
 * default.
 */
public final class JdbcTable {

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
    /** Integrity constraint violation: the SQLSTATE class of a duplicate key in every supported database. */
    private static final String INTEGRITY_VIOLATION = "23";

    private final DataSource dataSource;
    private final String name;
    private SqlDialect dialect;

    /**
     * @throws IllegalArgumentException when {@code name} is not a plain SQL table name
     */
    public JdbcTable(DataSource dataSource, String name) {
        if (!TABLE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tableName '" + name + "' is not a plain SQL table name: use "
                                               + "letters, digits and underscores, optionally schema.table");
        }
        this.dataSource = dataSource;
        this.name = name;
    }

    /**
     * Learns the database's dialect and creates the table when absent.
     *
     * @param columns the column definitions, in the dialect's types
     */
    public void create(Function<SqlDialect, String> columns) {
        execute("create", connection -> {
            dialect = SqlDialect.of(connection.getMetaData().getDatabaseProductName());
            if (!selects(connection, "COUNT(*)")) {
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE TABLE " + name + " (" + columns.apply(dialect) + ")");
                } catch (SQLException e) {
                    if (!selects(connection, "COUNT(*)")) {
                        throw e;
                    }
                }
            }
            return null;
        });
    }

    /** Adds a column that a table made by an earlier version lacks. */
    public void addColumnWhenAbsent(String column, Function<SqlDialect, String> type) {
        execute("add column " + column, connection -> {
            if (!selects(connection, column)) {
                try (Statement alter = connection.createStatement()) {
                    alter.execute("ALTER TABLE " + name + " ADD " + column + " " + type.apply(dialect));
                } catch (SQLException e) {
                    if (!selects(connection, column)) {
                        throw e;
                    }
                }
            }
            return null;
        });
    }

    public String name() {
        return name;
    }

    public SqlDialect dialect() {
        return dialect;
    }

    /**
     * Runs {@code work} on a connection of its own.
     *
     * @param  what                  what it does, for the message of a failure
     * @throws RuntimeCamelException naming the table and {@code what} when the database refuses or cannot be reached
     */
    public <T> T execute(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try {
                return work.run(connection);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new RuntimeCamelException("Table " + name + ": " + what + " failed: " + e.getMessage(), e);
        }
    }

    /** Runs one statement on {@code connection} with {@code parameters} in order, and returns the rows it changed. */
    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    /**
     * Runs one statement on {@code connection} once per row of {@code parameters}, sent together as a batch, and
     * returns the rows each run changed ({@link java.sql.Statement#SUCCESS_NO_INFO} where the driver does not say).
     */
    public static int[] batch(Connection connection, String sql, List<Object[]> parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] row : parameters) {
                bind(statement, row);
                statement.addBatch();
            }
            return parameters.isEmpty() ? new int[0] : statement.executeBatch();
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] instanceof String text) {
                statement.setString(i + 1, text);
            } else {
                statement.setObject(i + 1, parameters[i]);
            }
        }
    }

    /** Whether {@code e} is a duplicate key (another replica inserted the same row first). */
    public static boolean isDuplicate(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith(INTEGRITY_VIOLATION);
    }

    private boolean selects(Connection connection, String columns) {
        try (Statement probe = connection.createStatement()) {
            probe.executeQuery("SELECT " + columns + " FROM " + name + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    @Override
    public String toString() {
        return name;
    }
}
