package io.github.qlikevents.camel.webhook;

import java.time.Duration;
import java.util.List;

import io.github.qlikevents.camel.http.ApiKeyAuth;
import io.github.qlikevents.camel.http.QlikApiClient;
import io.github.qlikevents.camel.http.RetryPolicy;
import io.github.qlikevents.camel.http.TenantUrl;
import io.github.qlikevents.camel.support.FakeTransport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Registration reads every page of the tenant's webhooks before it decides to create or to update. */
class WebhookRegistrarTest {

    private static final String URL = "https://camel.acme.example/qlik";
    private static final String SECRET = "unit-test-webhook-secret-0123456789abcdef";

    private final FakeTransport api = new FakeTransport();
    private final WebhookRegistrar registrar = new WebhookRegistrar(new QlikApiClient(
            TenantUrl.of("https://acme.eu.qlikcloud.com"), api, new ApiKeyAuth("unit-test-api-key"),
            new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(1)), 0));
    private final WebhookRegistrar.Registration registration = new WebhookRegistrar.Registration("camel-qlik", URL,
            List.of("com.qlik.v1.license.lease.created"), SECRET, "tenant", false);

    @Test
    void aWebhookOnTheThirdPageIsUpdatedNotCreatedAgain() {
        api.answer(200, page("[" + webhook("w-1", "other", URL) + "]", "/api/v1/webhooks?limit=100&next=p2"))
                .answer(200, page("[" + webhook("w-2", "camel-qlik", "https://old.example/qlik") + "]",
                        "/api/v1/webhooks?limit=100&next=p3"))
                .answer(200, page("[" + webhook("w-3", "camel-qlik", URL) + "]", null))
                .answer(200, "{\"id\":\"w-3\"}");

        assertThat(registrar.register(registration)).isEqualTo("w-3");

        assertThat(api.sent()).extracting(sent -> sent.method() + " " + sent.uri().getPath() + "?" + sent.uri().getQuery())
                .containsExactly("GET /api/v1/webhooks?limit=100", "GET /api/v1/webhooks?limit=100&next=p2",
                        "GET /api/v1/webhooks?limit=100&next=p3", "PUT /api/v1/webhooks/w-3?null");
    }

    @Test
    void noMatchOnAnyPageCreatesOne() {
        api.answer(200, page("[" + webhook("w-1", "other", URL) + "]", "/api/v1/webhooks?limit=100&next=p2"))
                .answer(200, page("[]", null))
                .answer(201, "{\"id\":\"w-new\"}")
                .answer(200, page("[" + webhook("w-new", "camel-qlik", URL) + "]", null));

        assertThat(registrar.register(registration)).isEqualTo("w-new");
        assertThat(api.sent().get(2).method()).isEqualTo("POST");
        assertThat(api.sent().get(2).body()).contains("\"secret\":\"" + SECRET + "\"")
                .contains("\"eventTypes\":[\"com.qlik.v1.license.lease.created\"]");
    }

    private static String page(String data, String next) {
        return "{\"data\":" + data + (next == null ? "" : ",\"links\":{\"next\":{\"href\":\"" + next + "\"}}") + "}";
    }

    private static String webhook(String id, String name, String url) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"url\":\"" + url
               + "\",\"createdAt\":\"2026-11-30T10:00:00Z\"}";
    }
}
