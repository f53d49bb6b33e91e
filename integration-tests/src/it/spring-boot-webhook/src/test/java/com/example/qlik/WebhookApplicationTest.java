package com.example.qlik;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.qlikevents.camel.model.QlikEvent;
import io.github.qlikevents.camel.sandbox.EventDocuments;
import io.github.qlikevents.camel.sandbox.QlikSandbox;
import io.github.qlikevents.camel.sandbox.SandboxEvent;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhook mode on Spring Boot, configured from properties alone: the route registers its webhook (with the encrypted
 * header, description and filter of the properties), signed deliveries arrive as typed events (200), an unsigned
 * request gets 401 and never reaches the route, and the start log says where the webhooks arrive.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ExtendWith(OutputCaptureExtension.class)
class WebhookApplicationTest {

    static final String API_KEY = "spring-boot-webhook-api-key";
    static final String SECRET = "spring-boot-webhook-secret-0123456789abcdef";
    static final String GATEWAY_KEY = "spring-boot-gateway-key-7d41";
    static final int PORT = freeLoopbackPort();
    static final String WEBHOOK_URL = "http://127.0.0.1:" + PORT + "/qlik/license-events";

    @RegisterExtension
    static QlikSandbox tenant = new QlikSandbox(SandboxTenant.builder().history(0, Duration.ofSeconds(1))
            .apiKey(API_KEY));

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry properties) {
        properties.add("server.port", () -> PORT);
        properties.add("server.address", () -> "127.0.0.1");
        properties.add("QLIK_TENANT_URL", tenant::url);
        properties.add("QLIK_API_KEY", () -> API_KEY);
        properties.add("QLIK_WEBHOOK_SECRET", () -> SECRET);
        properties.add("QLIK_GATEWAY_KEY", () -> GATEWAY_KEY);
        properties.add("QLIK_WEBHOOK_EXTERNAL_URL", () -> "http://127.0.0.1:" + PORT);
    }

    @Test
    void registersItselfReceivesSignedDeliveriesAndRefusesUnsignedOnes(CapturedOutput output) throws Exception {
        await().atMost(Duration.ofMinutes(1)).until(() -> tenant.tenant().webhooks().stream()
                .anyMatch(webhook -> webhook.url().equals(WEBHOOK_URL)));
        assertThat(output.getOut()).contains("Receiving Qlik webhooks of licenses at path /qlik/license-events;"
                                             + " registers " + WEBHOOK_URL + " with Qlik");
        assertThat(tenant.tenant().webhooks()).singleElement().satisfies(webhook -> {
            assertThat(webhook.encryptedHeaders()).containsEntry("X-Gateway-Key", GATEWAY_KEY);
            assertThat(webhook.description()).isEqualTo("License events of the Spring Boot app");
            assertThat(webhook.filter()).isEqualTo("spaceId ne \"s-excluded\"");
        });

        List<SandboxEvent> published = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            published.add(tenant.tenant().feed().publishGenerated(Instant.now()));
        }
        for (SandboxEvent event : published) {
            await().atMost(Duration.ofMinutes(1)).until(() -> tenant.tenant().deliveries().stream()
                    .anyMatch(delivery -> delivery.eventId().equals(event.eventId()) && delivery.status() == 200));
        }
        HttpResponse<String> unsigned = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(WEBHOOK_URL))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(EventDocuments.hybridWebhook(published.get(0))))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(unsigned.statusCode()).isEqualTo(401);
        // Qlik delivers concurrently: webhook mode keeps no order
        assertThat(WebhookApplication.RECEIVED).extracting(QlikEvent::eventType)
                .containsExactlyInAnyOrderElementsOf(published.stream().map(SandboxEvent::type).toList());
        assertThat(output.getAll()).doesNotContain(SECRET).doesNotContain(API_KEY).doesNotContain(GATEWAY_KEY);
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
