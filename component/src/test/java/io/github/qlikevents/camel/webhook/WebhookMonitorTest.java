package io.github.qlikevents.camel.webhook;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.qlikevents.camel.http.ApiKeyAuth;
import io.github.qlikevents.camel.http.QlikApiClient;
import io.github.qlikevents.camel.http.QlikApiException;
import io.github.qlikevents.camel.http.RetryPolicy;
import io.github.qlikevents.camel.http.TenantUrl;
import io.github.qlikevents.camel.support.FakeTransport;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hybrid endpoint's watch on its webhook: what it asks Qlik, what it repairs, and what its health says. */
class WebhookMonitorTest {

    private static final String DISABLED = "{\"id\":\"w-1\",\"enabled\":false,\"disabledReason\":\"Too many failed"
                                           + " deliveries\",\"disabledReasonCode\":\"DELIVERY_FAILURES\"}";

    private final FakeTransport api = new FakeTransport();
    private final WebhookRegistrar registrar = new WebhookRegistrar(new QlikApiClient(
            TenantUrl.of("https://acme.eu.qlikcloud.com"), api, new ApiKeyAuth("unit-test-api-key"),
            new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(1)), 0));
    private final AtomicInteger registrations = new AtomicInteger();
    private final WebhookMonitor monitor = new WebhookMonitor("qlik-webhook:/qlik", () -> registrar, () -> "w-1",
            registrations::incrementAndGet);

    @Test
    void anEnabledWebhookCostsOneReadAndNothingElse() throws Exception {
        api.answer(200, "{\"id\":\"w-1\",\"enabled\":true}");

        monitor.check();

        assertThat(api.sent()).extracting(sent -> sent.method() + " " + sent.uri().getPath())
                .containsExactly("GET /api/v1/webhooks/w-1");
        assertThat(monitor.call().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void aDisabledWebhookIsEnabledAgainWithAJsonPatch() throws Exception {
        api.answer(200, DISABLED).answer(200, "{\"id\":\"w-1\",\"enabled\":true}");

        monitor.check();

        assertThat(api.sent().get(1).method()).isEqualTo("PATCH");
        assertThat(api.sent().get(1).body()).isEqualTo("[{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":true}]");
        assertThat(monitor.call().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void healthIsDownWithQliksReasonWhileTheWebhookCannotBeEnabled() throws Exception {
        api.answer(200, DISABLED).answer(403, "{\"errors\":[{\"code\":\"HTTP-403\",\"title\":\"Forbidden\"}]}");

        assertThatThrownBy(monitor::check).isInstanceOf(QlikApiException.class).hasMessageContaining("HTTP 403");

        HealthCheck.Result down = monitor.call();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).get().asString().contains("Too many failed deliveries")
                .contains("DELIVERY_FAILURES");

        api.answer(200, "{\"id\":\"w-1\",\"enabled\":true}");
        monitor.check();
        assertThat(monitor.call().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void aDeletedWebhookIsRegisteredAgain() throws Exception {
        api.answer(404, "{\"errors\":[{\"code\":\"HTTP-404\",\"title\":\"Not found\"}]}");

        monitor.check();

        assertThat(registrations).hasValue(1);
    }
}
