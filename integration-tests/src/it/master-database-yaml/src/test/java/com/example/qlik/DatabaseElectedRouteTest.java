package com.example.qlik;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.qlikevents.camel.sandbox.QlikSandbox;
import io.github.qlikevents.camel.sandbox.SandboxEvent;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import org.apache.camel.main.Main;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * routes/ha/database-elected.camel.yaml, unchanged, on two camel-main replicas configured by properties alone (no
 * Java set-up), sharing only an H2 server: master: finds the JdbcClusterService bean, only the leader delivers, and
 * when it stops the other takes over from the position in the database.
 */
class DatabaseElectedRouteTest {

    private static final String API_KEY = "user-project-api-key";
    private static final Path LOG = Path.of("target/application.log");
    private static final Pattern DELIVERED = Pattern.compile(".* (replica-\\w) delivered \\S+ (\\S+)$");

    @RegisterExtension
    static QlikSandbox tenant = new QlikSandbox(SandboxTenant.builder()
            .history(150, Duration.ofSeconds(1), Instant.now().minusSeconds(10)).apiKey(API_KEY));

    @TempDir
    Path data;

    @Test
    void onlyTheLeaderDeliversAndTheOtherTakesOverWhereItStopped() throws Exception {
        Server h2 = Server.createTcpServer("-tcpPort", "0", "-baseDir", data.toString(), "-ifNotExists").start();
        try {
            String database = "jdbc:h2:tcp://localhost:" + h2.getPort() + "/qlik";
            List<SandboxEvent> history = tenant.tenant().feed().snapshot();
            Main a = replica("replica-a", database);
            a.start();
            await().atMost(Duration.ofMinutes(2)).until(() -> delivered("replica-a").size() >= history.size());
            Main b = replica("replica-b", database);
            b.start();
            tenant.tenant().publishEvery(Duration.ofMillis(100));
            await().atMost(Duration.ofMinutes(2)).until(() -> delivered("replica-a").size() >= history.size() + 40);
            assertTrue(delivered("replica-b").isEmpty(), "the replica that is not leader delivers nothing");

            a.stop();
            await().atMost(Duration.ofMinutes(2)).until(() -> delivered("replica-b").size() >= 20);
            tenant.tenant().stopPublishing();
            List<SandboxEvent> all = tenant.tenant().feed().snapshot();
            await().atMost(Duration.ofMinutes(2)).until(() -> delivered("replica-a").size()
                                                              + delivered("replica-b").size() >= all.size());
            b.stop();

            List<String> both = new ArrayList<>(delivered("replica-a"));
            both.addAll(delivered("replica-b"));
            assertEquals(all.size(), both.size(), "each event once across the hand-over");
            assertEquals(new HashSet<>(all.stream().map(SandboxEvent::eventId).toList()), new HashSet<>(both));
        } finally {
            h2.stop();
        }
    }

    private static Main replica(String name, String database) {
        Main main = new Main();
        main.configure().withRoutesIncludePattern("file:" + System.getProperty("qlik.repo.dir")
                                                  + "/routes/ha/database-elected.camel.yaml");
        main.addInitialProperty("camel.main.name", name);
        main.addInitialProperty("qlik.replica", name);
        main.addInitialProperty("camel.component.qlik-license-events.tenant-url", tenant.url());
        main.addInitialProperty("camel.component.qlik-license-events.api-key", API_KEY);
        main.addInitialProperty("qlik.db.url", database);
        main.addInitialProperty("qlik.lease", "PT6S");
        main.addInitialProperty("qlik.since", "P1D");
        main.addInitialProperty("qlik.delay", "200");
        return main;
    }

    /** The event ids the replica's route logged, in order. */
    private static List<String> delivered(String replica) throws Exception {
        if (!Files.exists(LOG)) {
            return List.of();
        }
        return Files.readAllLines(LOG).stream().map(DELIVERED::matcher).filter(Matcher::matches)
                .filter(m -> m.group(1).equals(replica)).map(m -> m.group(2)).toList();
    }
}
