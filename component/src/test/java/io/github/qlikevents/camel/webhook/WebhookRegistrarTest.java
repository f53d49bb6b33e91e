package io.github.qlikevents.camel.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.qlikevents.camel.decoding.QlikJson;

import io.github.qlikevents.camel.http.ApiKeyAuth;
import io.github.qlikevents.camel.http.QlikApiClient;
import io.github.qlikevents.camel.http.RetryPolicy;
import io.github.qlikevents.camel.http.TenantUrl;
import io.github.qlikevents.camel.support.CapturedLogs;
import io.github.qlikevents.camel.support.FakeTransport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registration reads every page of the tenant's webhooks before it decides to create or to update; an update patches
 * only what the endpoint owns, and replaces the webhook only for what Qlik cannot patch, keeping what it can read.
 */
class WebhookRegistrarTest {

    private static final String URL = "https://camel.acme.example/qlik";
    private static final String SECRET = "unit-test-webhook-secret-0123456789abcdef";

    private final FakeTransport api = new FakeTransport();
    private final WebhookRegistrar registrar = new WebhookRegistrar(new QlikApiClient(
            TenantUrl.of("https://acme.eu.qlikcloud.com"), api, new ApiKeyAuth("unit-test-api-key"),
            new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(1)), 0));
    private final WebhookRegistrar.Registration registration = new WebhookRegistrar.Registration("camel-qlik", URL,
            List.of("com.qlik.v1.license.lease.created"), SECRET, "tenant", false, null, null, null, null);

    @Test
    void aWebhookOnTheThirdPageIsUpdatedNotCreatedAgain() {
        api.answer(200, page("[" + webhook("w-1", "other", URL) + "]", "/api/v1/webhooks?limit=100&next=p2"))
                .answer(200, page("[" + webhook("w-2", "camel-qlik", "https://old.example/qlik") + "]",
                        "/api/v1/webhooks?limit=100&next=p3"))
                .answer(200, page("[" + webhook("w-3", "camel-qlik", URL) + "]", null))
                .answer(204, "");

        assertThat(registrar.register(registration)).isEqualTo("w-3");

        assertThat(api.sent()).extracting(sent -> sent.method() + " " + sent.uri().getPath() + "?" + sent.uri().getQuery())
                .containsExactly("GET /api/v1/webhooks?limit=100", "GET /api/v1/webhooks?limit=100&next=p2",
                        "GET /api/v1/webhooks?limit=100&next=p3", "PATCH /api/v1/webhooks/w-3?null");
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

    @Test
    void anUpdatePatchesOnlyWhatTheEndpointOwns() throws Exception {
        api.answer(200, page("[" + adminEdited("w-1") + "]", null)).answer(204, "");

        registrar.register(new WebhookRegistrar.Registration("camel-qlik", URL,
                List.of("com.qlik.v1.license.lease.created"), SECRET, "tenant", true, null, null, null, null));

        JsonNode patch = QlikJson.mapper().readTree(api.sent().get(1).body());
        assertThat(patch).extracting(op -> op.path("path").asText()).containsExactly("/eventTypes", "/secret",
                "/enabled", "/enableCloudEventDelivery");
        assertThat(patch).allSatisfy(op -> assertThat(op.path("op").asText()).isIn("add", "replace"));
        assertThat(patch.get(3).path("value").asBoolean()).isTrue();
    }

    @Test
    void setOptionsArePatchedUnsetOnesLeftAlone() throws Exception {
        api.answer(200, page("[" + adminEdited("w-1") + "]", null)).answer(204, "");

        registrar.register(new WebhookRegistrar.Registration("camel-qlik", URL,
                List.of("com.qlik.v1.license.lease.created"), SECRET, "tenant", false, "ours",
                Map.of("X-Gateway-Key", "gateway-value"), null, null));

        JsonNode patch = QlikJson.mapper().readTree(api.sent().get(1).body());
        assertThat(patch).extracting(op -> op.path("path").asText()).containsExactly("/eventTypes", "/secret",
                "/enabled", "/description", "/encryptedHeaders");
        assertThat(patch.get(4).path("value").path("X-Gateway-Key").asText()).isEqualTo("gateway-value");
    }

    @Test
    void aLevelChangeReplacesTheWebhookKeepingWhatQlikReturnsAndNamesWhatIsLost() throws Exception {
        api.answer(200, page("[" + adminEdited("w-1") + "]", null)).answer(200, adminEdited("w-1"));

        try (CapturedLogs logs = new CapturedLogs(WebhookRegistrar.class)) {
            registrar.register(new WebhookRegistrar.Registration("camel-qlik", URL,
                    List.of("com.qlik.v1.license.lease.created"), SECRET, "user", false, null, null, null, null));

            assertThat(logs.lines()).anyMatch(line -> line.contains("level (tenant to user)")
                                                      && line.contains("[X-Admin-Token]")
                                                      && line.contains("enter"));
        }
        assertThat(api.sent().get(1).method()).isEqualTo("PUT");
        JsonNode put = QlikJson.mapper().readTree(api.sent().get(1).body());
        assertThat(put.path("level").asText()).isEqualTo("user");
        assertThat(put.path("description").asText()).isEqualTo("set by an admin");
        assertThat(put.path("headers").path("X-Team").asText()).isEqualTo("bi");
        assertThat(put.path("filter").asText()).isEqualTo("spaceId eq \"s-1\"");
        assertThat(put.path("checkCertificateRevocation").asBoolean()).isTrue();
        assertThat(put.path("ownerId").asText()).isEqualTo("u-admin");
        assertThat(put.path("secret").asText()).isEqualTo(SECRET);
        assertThat(put.has("encryptedHeaders")).as("names are no values to write back").isFalse();
    }

    /** A webhook as Qlik returns it after an admin set every field the endpoint does not own. */
    private static String adminEdited(String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"camel-qlik\",\"url\":\"" + URL + "\",\"level\":\"tenant\","
               + "\"enabled\":true,\"description\":\"set by an admin\",\"ownerId\":\"u-admin\","
               + "\"headers\":{\"X-Team\":\"bi\"},\"encryptedHeaders\":[\"X-Admin-Token\"],"
               + "\"filter\":\"spaceId eq \\\"s-1\\\"\",\"checkCertificateRevocation\":true,"
               + "\"secretKeyAdded\":true,\"createdAt\":\"2026-11-30T10:00:00Z\"}";
    }

    private static String page(String data, String next) {
        return "{\"data\":" + data + (next == null ? "" : ",\"links\":{\"next\":{\"href\":\"" + next + "\"}}") + "}";
    }

    private static String webhook(String id, String name, String url) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"url\":\"" + url
               + "\",\"createdAt\":\"2026-11-30T10:00:00Z\"}";
    }
}
