package com.example.qlik;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.qlikevents.camel.sandbox.SandboxTenant;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import org.h2.tools.Server;

/**
 * The application running routes/ha/database-elected.camel.yaml, unchanged, instead of its Java routes: a sandbox
 * tenant and an H2 server for it, and the properties the route file asks for.
 */
public class DatabaseElected implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.camel.routes-discovery.exclude-patterns", "com/example/qlik/*",
                "camel.main.routes-include-pattern", "file:" + System.getProperty("qlik.repo.dir")
                                                     + "/routes/ha/database-elected.camel.yaml",
                "qlik.replica", "quarkus-replica", "qlik.lease", "PT6S", "qlik.since", "P1D", "qlik.delay", "200");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Database.class));
    }

    /** The tenant (40 past license events) and the database, started before the application. */
    public static class Database implements QuarkusTestResourceLifecycleManager {

        /** What the test reads: the tenant, the JDBC URL of the database and the application's HTTP port. */
        public record Resources(SandboxTenant tenant, String jdbcUrl, int port) {
        }

        private Resources resources;
        private Server h2;

        @Override
        public Map<String, String> start() {
            try {
                h2 = Server.createTcpServer("-tcpPort", "0", "-baseDir",
                        Files.createTempDirectory("quarkus-h2").toString(), "-ifNotExists").start();
                SandboxTenant tenant = SandboxTenant.builder().history(40, Duration.ofSeconds(30))
                        .apiKey(SandboxTenants.API_KEY).start();
                resources = new Resources(tenant, "jdbc:h2:tcp://localhost:" + h2.getPort() + "/qlik",
                        SandboxTenants.freePort());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return Map.of("QLIK_TENANT_URL", resources.tenant().url(), "QLIK_ROLES_TENANT_URL",
                    resources.tenant().url(), "QLIK_API_KEY", SandboxTenants.API_KEY, "qlik.db.url",
                    resources.jdbcUrl(), "quarkus.http.test-port", Integer.toString(resources.port()),
                    "quarkus.http.host", "127.0.0.1");
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(resources, new TestInjector.MatchesType(Resources.class));
        }

        @Override
        public void stop() {
            resources.tenant().close();
            h2.stop();
        }
    }
}
