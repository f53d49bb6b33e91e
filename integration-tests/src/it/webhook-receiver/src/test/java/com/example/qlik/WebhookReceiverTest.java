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
import java.util.List;

import io.github.qlikevents.camel.sandbox.EventDocuments;
import io.github.qlikevents.camel.sandbox.QlikSandbox;
import io.github.qlikevents.camel.sandbox.SandboxEvent;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import io.github.qlikevents.it.LoopbackPorts;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * routes/webhook/webhook-receiver.camel.yaml, unchanged, on camel-main with camel-platform-http-main: the route
 * registers its webhook with the tenant, signed deliveries reach it as typed events, unsigned ones are refused,
 * events whose deliveries are lost arrive through its reconciling sweep, once, and stopping deletes the webhook. Run on
 * the build's Camel line and on the newest LTS (invoker.properties).
 */
class WebhookReceiverTest {

    private static final String API_KEY = "user-project-api-key";
    private static final String SECRET = "user-project-webhook-secret-0123456789abcdef";

    @RegisterExtension
    static QlikSandbox tenant = new QlikSandbox(SandboxTenant.builder().history(0, Duration.ofSeconds(1)).apiKey(API_KEY));

    @Test
    void signedDeliveriesReachTheRouteAndUnsignedOnesAreRefused() throws Exception {
        int port = LoopbackPorts.free();
        String webhookUrl = "http://127.0.0.1:" + port + "/qlik/license-events";
        Main main = new Main();
        main.configure().withRoutesIncludePattern(
                "file:" + System.getProperty("qlik.repo.dir") + "/routes/webhook/*.camel.yaml");
        main.addInitialProperty("camel.component.qlik-license-events.tenant-url", tenant.url());
        main.addInitialProperty("camel.component.qlik-license-events.api-key", API_KEY);
        // the route's sweep with a short lookback, so that lost deliveries come within seconds
        main.addInitialProperty("camel.component.qlik-license-events.lookback", "PT2S");
        main.addInitialProperty("camel.component.qlik-license-events.sweep-interval", "PT1S");
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", Integer.toString(port));
        main.addInitialProperty("qlik.webhook.external-url", "http://127.0.0.1:" + port);
        main.addInitialProperty("qlik.webhook.secret", SECRET);
        main.start();
        try {
            await().atMost(Duration.ofMinutes(1)).until(() -> tenant.tenant().webhooks().stream()
                    .anyMatch(webhook -> webhook.url().equals(webhookUrl)));
            List<SandboxEvent> published = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                published.add(tenant.tenant().feed().publishGenerated(Instant.now()));
            }
            for (SandboxEvent event : published) {
                await().atMost(Duration.ofMinutes(1)).until(() -> tenant.tenant().deliveries().stream()
                        .anyMatch(d -> d.eventId().equals(event.eventId()) && d.status() == 200));
            }

            tenant.tenant().dropWebhookDeliveries(1.0);
            List<SandboxEvent> lost = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                lost.add(tenant.tenant().feed().publishGenerated(Instant.now()));
            }
            for (SandboxEvent event : lost) {
                String line = "reconciled " + event.type() + " " + event.eventId() + " -> ";
                await().atMost(Duration.ofMinutes(1)).until(() -> Files.readString(Path.of("target/application.log"))
                        .contains(line));
            }

            SandboxEvent forged = tenant.tenant().feed().snapshot().get(0);
            HttpResponse<String> unsigned = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(webhookUrl))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(EventDocuments.hybridWebhook(forged)))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, unsigned.statusCode(), unsigned.body());

            String log = Files.readString(Path.of("target/application.log"));
            for (SandboxEvent event : published) {
                String line = "pushed " + event.type() + " " + event.eventId() + " -> ";
                assertTrue(log.contains(line), "delivered to the route as a typed body: " + line);
                String body = log.substring(log.indexOf(line) + line.length()).lines().findFirst().orElseThrow();
                assertTrue(body.matches("[A-Z][A-Za-z]+\\[.*"), "a typed record, not JSON: " + body);
            }
            assertEquals(published.size(), log.lines().filter(l -> l.contains("pushed ")).count(),
                    "the unsigned request never reached the route");
            assertEquals(lost.size(), log.lines().filter(l -> l.contains("reconciled ")).count(),
                    "each lost delivery swept once, and nothing else");
            assertFalse(log.contains(SECRET), "the webhook secret never shows in the log");
        } finally {
            main.stop();
        }
        assertTrue(tenant.tenant().webhooks().stream().noneMatch(webhook -> webhook.url().equals(webhookUrl)),
                "the route deleted its webhook when it stopped");
    }

}
