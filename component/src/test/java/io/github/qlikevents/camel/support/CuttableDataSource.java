package io.github.qlikevents.camel.support;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/** One replica's way to an H2 database, which a test can cut (connections refused) and restore. */
public final class CuttableDataSource implements DataSource {

    private final JdbcDataSource h2 = new JdbcDataSource();
    private volatile boolean cut;

    public CuttableDataSource(String url) {
        h2.setURL(url);
    }

    /** Refuses connections from now on, or again takes them when {@code cut} is false. */
    public void cut(boolean cut) {
        this.cut = cut;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (cut) {
            throw new SQLException("Connection refused (the test cut this replica off the database)", "08001");
        }
        return h2.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no driver log
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // H2 connects in process
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
