package com.example.qlik;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.qlikevents.camel.model.Channel;
import io.github.qlikevents.camel.sandbox.QlikSandbox;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A key the tenant refuses turns the poller's health check DOWN in /actuator/health, without showing the key. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RefusedKeyHealthTest {

    static final String REFUSED_KEY = "spring-boot-user-refused-key";

    @RegisterExtension
    static QlikSandbox licenses = new QlikSandbox(SandboxTenant.builder().history(5, Duration.ofSeconds(30))
            .apiKey("the-tenants-real-key"));
    @RegisterExtension
    static QlikSandbox roles = new QlikSandbox(SandboxTenant.builder().channels(Channel.ROLES)
            .history(5, Duration.ofSeconds(30)).apiKey("the-tenants-real-key"));

    @DynamicPropertySource
    static void tenants(DynamicPropertyRegistry properties) {
        properties.add("LICENSES_TENANT_URL", licenses::url);
        properties.add("ROLES_TENANT_URL", roles::url);
        properties.add("QLIK_API_KEY", () -> REFUSED_KEY);
    }

    @LocalServerPort
    int port;

    @Test
    void healthIsDownNamingTheRouteAndTheRefusal() {
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\":\"DOWN\"").contains("consumer:licenses")
                    .contains("HTTP 401").doesNotContain(REFUSED_KEY);
        });
    }
}
