package com.example.qlik;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.qlikevents.camel.sandbox.EventDocuments;
import io.github.qlikevents.camel.sandbox.QlikSandbox;
import io.github.qlikevents.camel.sandbox.SandboxEvent;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import io.github.qlikevents.it.BootApplication;
import io.github.qlikevents.it.LoopbackPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application as users run it, java -jar (on Java 25 where the build has it), once on Spring Boot 3.5 with Camel
 * 4.18 and once on Spring Boot 4 with Camel 4.22 (invoker.properties): the poller delivers the tenant's history in
 * order as typed events, the webhook route registers its webhook, receives signed deliveries and refuses an unsigned
 * one, /actuator/health shows the poller UP and /actuator/prometheus its gauges, and a graceful stop deletes the
 * webhook.
 */
class LicenseEventsApplicationIT {

    private static final String API_KEY = "spring-boot-user-api-key";
    private static final String SECRET = "spring-boot-user-webhook-secret-0123456789";
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @RegisterExtension
    static QlikSandbox tenant = new QlikSandbox(SandboxTenant.builder().history(30, Duration.ofSeconds(30))
            .apiKey(API_KEY));

    @Test
    void pollsReceivesWebhooksReportsHealthAndUnregistersOnStop() throws Exception {
        int port = LoopbackPorts.free();
        String webhookUrl = "http://127.0.0.1:" + port + "/qlik/license-events";
        List<String> history = tenant.tenant().feed().snapshot().stream().map(SandboxEvent::eventId).toList();
        try (BootApplication app = BootApplication.start("spring-boot-app", System.getProperty("application.jar"),
                Map.of("QLIK_TENANT_URL", tenant.url(), "QLIK_API_KEY", API_KEY, "QLIK_WEBHOOK_SECRET", SECRET,
                        "QLIK_WEBHOOK_EXTERNAL_URL", "http://127.0.0.1:" + port), "--server.port=" + port)) {
            await("the history polled").atMost(PATIENCE).until(() -> logged(app, "polled ").size() >= history.size());
            assertThat(logged(app, "polled ")).as("polled, in order, once each").isEqualTo(history);
            await("the webhook registered").atMost(PATIENCE).until(() -> tenant.tenant().webhooks().stream()
                    .anyMatch(webhook -> webhook.url().equals(webhookUrl)));

            List<SandboxEvent> pushed = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                pushed.add(tenant.tenant().feed().publishGenerated(Instant.now()));
            }
            await("each signed delivery received").atMost(PATIENCE).until(() -> logged(app, "pushed ")
                    .containsAll(pushed.stream().map(SandboxEvent::eventId).toList()));
            HttpResponse<String> unsigned = app.send(HttpRequest.newBuilder(app.url("/qlik/license-events"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(EventDocuments.hybridWebhook(pushed.get(0)))).build());
            assertThat(unsigned.statusCode()).as(unsigned.body()).isEqualTo(401);
            assertThat(logged(app, "pushed ")).as("pushed, once each").hasSize(pushed.size());
            assertThat(app.lines()).as("what the routes received: typed events, not JSON")
                    .filteredOn(line -> line.contains(" as ")).isNotEmpty()
                    .allSatisfy(line -> assertThat(line).matches(".* as (?!String$|byte\\[\\]$)[A-Z][A-Za-z]*$"));

            HttpResponse<String> health = app.get("/actuator/health");
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(health.body()).contains("\"consumer:licenses\":\"UP\"").doesNotContain(API_KEY, SECRET);
            String prometheus = app.get("/actuator/prometheus").body();
            assertThat(prometheus).containsPattern("qlik_events_requests_last_minute\\{[^}]*route=\"licenses\"[^}]*} [1-9]")
                    .containsPattern("qlik_events_lag_seconds\\{[^}]*route=\"licenses\"").doesNotContain(API_KEY);
            assertThat(app.lines()).anyMatch(line -> line.contains("Apache Camel "
                                                                   + System.getProperty("expected.camel.version")))
                    .anyMatch(line -> line.contains("using Java " + System.getProperty("application.java.version")))
                    .noneMatch(line -> line.contains(SECRET) || line.contains(API_KEY));

            app.stop();
            assertThat(tenant.tenant().webhooks()).as("webhooks left after a graceful stop")
                    .noneMatch(webhook -> webhook.url().equals(webhookUrl));
        }
    }

    /** The event ids the application's routes logged after {@code prefix}, in order. */
    private static List<String> logged(BootApplication app, String prefix) throws Exception {
        return app.lines().stream().filter(line -> line.contains(" " + prefix))
                .map(line -> line.substring(line.indexOf(" " + prefix) + prefix.length() + 1).split(" ")[0]).toList();
    }

}
