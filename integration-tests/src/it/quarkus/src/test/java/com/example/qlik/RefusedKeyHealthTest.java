package com.example.qlik;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A key the tenant refuses turns the poller's health check DOWN in /q/health, without showing the key. */
@QuarkusTest
@QuarkusTestResource(SandboxTenants.class)
@TestProfile(RefusedKeyHealthTest.RefusedKey.class)
class RefusedKeyHealthTest {

    static final String REFUSED_KEY = "quarkus-user-refused-key";

    /**
     * The application started with a key no tenant accepts, without its webhook route: webhook mode refuses to start
     * when the tenant refuses to register its webhook, while a poller starts and reports the refusal as its health.
     */
    public static class RefusedKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("camel.component.qlik-license-events.api-key", REFUSED_KEY,
                    "quarkus.camel.routes-discovery.exclude-patterns", "**/WebhookRoutes");
        }
    }

    SandboxTenants.Tenants tenants;

    @Test
    void healthIsDownNamingTheRefusal() {
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            HttpResponse<String> health = WebhookAndHealthTest.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + tenants.port() + "/q/health")));
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\": \"DOWN\"").contains("licenses").contains("HTTP 401")
                    .doesNotContain(REFUSED_KEY);
        });
    }
}
