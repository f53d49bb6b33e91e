package com.example.qlik;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import io.github.qlikevents.it.LoopbackPorts;
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
 * Java set-up), sharing only an H2 server: master: finds the JdbcClusterService bean, only the leader delivers, each
 * replica's /observe/health shows whether it leads, and when the leader stops the other takes over from the position
 * in the database.
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
            int aPort = LoopbackPorts.free();
            Main a = replica("replica-a", database, aPort);
            a.start();
            await().atMost(Duration.ofMinutes(2)).until(() -> delivered("replica-a").size() >= history.size());
            int bPort = LoopbackPorts.free();
            Main b = replica("replica-b", database, bPort);
            b.start();
            tenant.tenant().publishEvery(Duration.ofMillis(100));
            await().atMost(Duration.ofMinutes(2)).until(() -> delivered("replica-a").size() >= history.size() + 40);
            assertTrue(delivered("replica-b").isEmpty(), "the replica that is not leader delivers nothing");
            String leader = health(aPort);
            assertTrue(leader.contains("{\"name\":\"jdbc-cluster-service\",\"status\":\"UP\",\"data\":{\"leads\":[\"qlik-licenses\"]")
                       && leader.contains("{\"name\":\"consumer:licenses-on-the-leader\",\"status\":\"UP\""),
                    "the leader's /observe/health shows its leadership and its poller UP: " + leader);
            String standby = health(bPort);
            assertTrue(standby.contains("{\"name\":\"jdbc-cluster-service\",\"status\":\"UP\",\"data\":{\"leads\":[]"),
                    "the standby's /observe/health: " + standby);

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

    /** camel-main's /observe/health of the replica on {@code port}, every check with its details. */
    private static String health(int port) throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/observe/health?data=true")).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body());
        return health.body();
    }


    private static Main replica(String name, String database, int port) {
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
        main.addInitialProperty("camel.management.enabled", "true");
        main.addInitialProperty("camel.management.host", "127.0.0.1");
        main.addInitialProperty("camel.management.port", String.valueOf(port));
        main.addInitialProperty("camel.management.healthCheckEnabled", "true");
        main.addInitialProperty("camel.health.exposureLevel", "full");
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
