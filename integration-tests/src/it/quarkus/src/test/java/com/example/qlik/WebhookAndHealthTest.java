package com.example.qlik;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.qlikevents.camel.sandbox.EventDocuments;
import io.github.qlikevents.camel.sandbox.SandboxEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Webhook mode on Quarkus' HTTP server (platform-http), and the pollers' health in /q/health. */
@QuarkusTest
@QuarkusTestResource(SandboxTenants.class)
class WebhookAndHealthTest {

    SandboxTenants.Tenants tenants;

    @Test
    void registersItselfReceivesSignedDeliveriesAndRefusesUnsignedOnes() throws Exception {
        String url = "http://127.0.0.1:" + tenants.port() + "/qlik/license-events";
        await().atMost(Duration.ofMinutes(1)).until(() -> tenants.licenses().webhooks().stream()
                .anyMatch(webhook -> webhook.url().equals(url)));
        List<SandboxEvent> published = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            published.add(tenants.licenses().feed().publishGenerated(Instant.now()));
        }
        for (SandboxEvent event : published) {
            await().atMost(Duration.ofMinutes(1)).until(() -> tenants.licenses().deliveries().stream()
                    .anyMatch(delivery -> delivery.eventId().equals(event.eventId()) && delivery.status() == 200));
        }

        HttpResponse<String> unsigned = send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(EventDocuments.hybridWebhook(published.get(0)))));

        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(Received.of("license-webhook")).extracting(Received.Message::eventId)
                .containsExactlyInAnyOrderElementsOf(published.stream().map(SandboxEvent::eventId).toList());
    }

    @Test
    void healthIsUpWithThePollers() throws Exception {
        await().atMost(Duration.ofMinutes(1)).until(() -> !Received.of("licenses").isEmpty());

        HttpResponse<String> health = send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + tenants.port() + "/q/health")));

        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\": \"UP\"").contains("camel-consumers");
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
