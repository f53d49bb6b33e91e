package com.example.qlik;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.qlikevents.camel.sandbox.QlikSandbox;
import io.github.qlikevents.camel.sandbox.SandboxEvent;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
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
        try (Replica a = Replica.start("replica-a", environment); Replica b = Replica.start("replica-b", environment)) {
            await("one replica delivers the history").atMost(PATIENCE)
                    .until(() -> a.delivered().size() + b.delivered().size() >= history.size());
            Replica leader = a.delivered().isEmpty() ? b : a;
            Replica standby = leader == a ? b : a;
            tenant.tenant().publishEvery(Duration.ofMillis(100));
            await().atMost(PATIENCE).until(() -> leader.delivered().size() >= history.size() + 40);
            assertThat(standby.delivered()).as("what the replica that does not lead delivered").isEmpty();
            assertThat(health(leader)).as("the leader's /actuator/health").satisfies(health -> {
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"consumer:licenses-on-the-leader\":\"UP\"",
                        "\"jdbc-cluster-service\":\"UP\"", "\"leads\":\"[qlik-licenses]\"").doesNotContain(API_KEY);
            });
            assertThat(health(standby).body()).as("the standby's /actuator/health")
                    .contains("\"jdbc-cluster-service\":\"UP\"", "\"leads\":\"[]\"");

            h2.stop();
            for (Replica replica : List.of(a, b)) {
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
            for (Replica replica : List.of(a, b)) {
                await(replica.name() + " UP with its database back").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                        .until(() -> health(replica).statusCode() == 200);
            }
            int before = a.delivered().size() + b.delivered().size();
            await("one replica delivers again").atMost(PATIENCE)
                    .until(() -> a.delivered().size() + b.delivered().size() >= before + 40);

            Replica deliverer = lastToDeliver(a, b);
            Replica survivor = deliverer == a ? b : a;
            deliverer.kill();
            int survivorBefore = survivor.delivered().size();
            await("the other takes over from the stored position").atMost(LEASE.plusSeconds(60))
                    .until(() -> survivor.delivered().size() >= survivorBefore + 20);
            tenant.tenant().stopPublishing();
            List<SandboxEvent> all = tenant.tenant().feed().snapshot();
            HashSet<String> ids = new HashSet<>(all.stream().map(SandboxEvent::eventId).toList());
            await("every event delivered").atMost(PATIENCE).until(() -> union(a, b).containsAll(ids));

            List<String> both = new ArrayList<>(a.delivered());
            both.addAll(b.delivered());
            assertThat(new HashSet<>(both)).isEqualTo(ids);
            assertThat(both.size() - ids.size()).as("events delivered again over three hand-overs")
                    .isLessThanOrEqualTo(3 * PAGE);
        } finally {
            h2.stop();
        }
    }

    private static HttpResponse<String> health(Replica replica) throws Exception {
        Optional<HttpResponse<String>> health = replica.health();
        assertThat(health).as(replica.name() + " has its web server up").isPresent();
        return health.get();
    }

    private static HashSet<String> union(Replica a, Replica b) throws Exception {
        HashSet<String> union = new HashSet<>(a.delivered());
        union.addAll(b.delivered());
        return union;
    }

    /** The replica that delivered the newest event. */
    private static Replica lastToDeliver(Replica a, Replica b) throws Exception {
        List<String> order = tenant.tenant().feed().snapshot().stream().map(SandboxEvent::eventId).toList();
        int aLast = a.delivered().stream().mapToInt(order::indexOf).max().orElse(-1);
        int bLast = b.delivered().stream().mapToInt(order::indexOf).max().orElse(-1);
        return aLast > bLast ? a : b;
    }
}
