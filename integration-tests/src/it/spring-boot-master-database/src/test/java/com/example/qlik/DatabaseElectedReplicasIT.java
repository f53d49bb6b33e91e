package com.example.qlik;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.qlikevents.camel.sandbox.QlikSandbox;
import io.github.qlikevents.camel.sandbox.SandboxEvent;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import io.github.qlikevents.it.BootApplication;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * routes/ha/database-elected.camel.yaml, unchanged, in a Spring Boot application built as users build it, on two
 * replicas started with java -jar that share an H2 server and nothing else: master: finds the JdbcClusterService of the
 * route's YAML beans, only the leader delivers, /actuator/health shows the leader's poller and each replica's
 * leadership check; with the database down both are DOWN saying why, with it back one delivers again, and when that
 * one is killed the other takes over from the stored position: every event arrives, at most a page again per
 * hand-over.
 */
class DatabaseElectedReplicasIT {

    private static final String API_KEY = "spring-boot-user-api-key";
    private static final Duration LEASE = Duration.ofSeconds(6);
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final int PAGE = 100;
    private static final Pattern DELIVERED = Pattern.compile(".* (replica-\\w) delivered \\S+ (\\S+)$");

    @RegisterExtension
    static QlikSandbox tenant = new QlikSandbox(SandboxTenant.builder()
            .history(150, Duration.ofSeconds(1), Instant.now().minusSeconds(10)).apiKey(API_KEY));

    @TempDir
    Path data;

    @Test
    void theLeaderDeliversHealthSaysWhoCannotAndEveryEventArrivesThroughOutageAndKill() throws Exception {
        Server h2 = Server.createTcpServer("-tcpPort", "0", "-baseDir", data.toString(), "-ifNotExists").start();
        int port = h2.getPort();
        Map<String, String> environment = Map.of(
                "QLIK_ROUTES", "file:" + System.getProperty("routes.dir") + "/ha/database-elected.camel.yaml",
                "QLIK_TENANT_URL", tenant.url(), "QLIK_API_KEY", API_KEY,
                "QLIK_DB_URL", "jdbc:h2:tcp://localhost:" + port + "/qlik", "QLIK_LEASE", LEASE.toString(),
                "QLIK_SINCE", "P1D", "QLIK_DELAY", "200");
        List<SandboxEvent> history = tenant.tenant().feed().snapshot();
        String jar = System.getProperty("application.jar");
        try (BootApplication a = BootApplication.start("replica-a", jar, environment, "--qlik.replica=replica-a");
             BootApplication b = BootApplication.start("replica-b", jar, environment, "--qlik.replica=replica-b")) {
            await("one replica delivers the history").atMost(PATIENCE)
                    .until(() -> delivered(a).size() + delivered(b).size() >= history.size());
            BootApplication leader = delivered(a).isEmpty() ? b : a;
            BootApplication standby = leader == a ? b : a;
            tenant.tenant().publishEvery(Duration.ofMillis(100));
            await().atMost(PATIENCE).until(() -> delivered(leader).size() >= history.size() + 40);
            assertThat(delivered(standby)).as("what the replica that does not lead delivered").isEmpty();
            assertThat(health(leader)).as("the leader's /actuator/health").satisfies(health -> {
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"consumer:licenses-on-the-leader\":\"UP\"",
                        "\"jdbc-cluster-service\":\"UP\"", "\"leads\":\"[qlik-licenses]\"").doesNotContain(API_KEY);
            });
            assertThat(health(standby).body()).as("the standby's /actuator/health")
                    .contains("\"jdbc-cluster-service\":\"UP\"", "\"leads\":\"[]\"");

            h2.stop();
            for (BootApplication replica : List.of(a, b)) {
                await(replica.name() + " DOWN without its database").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                        .untilAsserted(() -> {
                            HttpResponse<String> health = health(replica);
                            assertThat(health.statusCode()).isEqualTo(503);
                            assertThat(health.body()).contains("\"jdbc-cluster-service\":\"DOWN\"",
                                    "\"renewal.failure\":\"Table QLIK_EVENTS_LEADERS: renewal of the leases of "
                                    + replica.name() + " failed");
                        });
            }
            h2 = Server.createTcpServer("-tcpPort", String.valueOf(port), "-baseDir", data.toString(),
                    "-ifNotExists").start();
            for (BootApplication replica : List.of(a, b)) {
                await(replica.name() + " UP with its database back").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                        .until(() -> health(replica).statusCode() == 200);
            }
            int before = delivered(a).size() + delivered(b).size();
            await("one replica delivers again").atMost(PATIENCE)
                    .until(() -> delivered(a).size() + delivered(b).size() >= before + 40);

            BootApplication deliverer = lastToDeliver(a, b);
            BootApplication survivor = deliverer == a ? b : a;
            deliverer.kill();
            int survivorBefore = delivered(survivor).size();
            await("the other takes over from the stored position").atMost(LEASE.plusSeconds(60))
                    .until(() -> delivered(survivor).size() >= survivorBefore + 20);
            tenant.tenant().stopPublishing();
            List<SandboxEvent> all = tenant.tenant().feed().snapshot();
            HashSet<String> ids = new HashSet<>(all.stream().map(SandboxEvent::eventId).toList());
            await("every event delivered").atMost(PATIENCE).until(() -> union(a, b).containsAll(ids));

            List<String> both = new ArrayList<>(delivered(a));
            both.addAll(delivered(b));
            assertThat(new HashSet<>(both)).isEqualTo(ids);
            assertThat(both.size() - ids.size()).as("events delivered again over three hand-overs")
                    .isLessThanOrEqualTo(3 * PAGE);
        } finally {
            h2.stop();
        }
    }

    private static HttpResponse<String> health(BootApplication replica) throws Exception {
        return replica.get("/actuator/health");
    }

    /** The event ids the replica's route logged as delivered, in order. */
    private static List<String> delivered(BootApplication replica) throws Exception {
        return replica.lines().stream().map(DELIVERED::matcher).filter(Matcher::matches)
                .filter(m -> m.group(1).equals(replica.name())).map(m -> m.group(2)).toList();
    }

    private static HashSet<String> union(BootApplication a, BootApplication b) throws Exception {
        HashSet<String> union = new HashSet<>(delivered(a));
        union.addAll(delivered(b));
        return union;
    }

    /** The replica that delivered the newest event. */
    private static BootApplication lastToDeliver(BootApplication a, BootApplication b) throws Exception {
        List<String> order = tenant.tenant().feed().snapshot().stream().map(SandboxEvent::eventId).toList();
        int aLast = delivered(a).stream().mapToInt(order::indexOf).max().orElse(-1);
        int bLast = delivered(b).stream().mapToInt(order::indexOf).max().orElse(-1);
        return aLast > bLast ? a : b;
    }
}
