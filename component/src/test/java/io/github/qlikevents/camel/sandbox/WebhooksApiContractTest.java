package io.github.qlikevents.camel.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.qlikevents.camel.support.Progress;
import io.github.qlikevents.camel.support.TestSecrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sandbox's webhooks API answers in the shapes of Qlik's API definitions (../shared/reference, section 4b), so
 * that the component is never tested against a kinder Qlik: statuses, defaults, what is never returned, the JSON
 * Patch rules, list paging, deliveries and resend.
 */
class WebhooksApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = TestSecrets.WEBHOOK_SECRET;

    private final HttpClient http = HttpClient.newHttpClient();
    private SandboxTenant tenant;

    @BeforeEach
    void start() throws Exception {
        tenant = SandboxTenant.builder().history(0, Duration.ofSeconds(1)).apiKey(TestSecrets.API_KEY).start();
    }

    @AfterEach
    void stop() {
        tenant.close();
    }

    @Test
    void createIsDisabledByDefaultAndNeverReturnsTheSecretNorEncryptedHeaderValues() throws Exception {
        HttpResponse<String> created = call("POST", "/api/v1/webhooks", "{\"name\":\"w\",\"url\":\"https://a.example/h\","
                + "\"secret\":\"" + SECRET + "\",\"headers\":{\"X-Team\":\"bi\"},"
                + "\"encryptedHeaders\":{\"X-Key\":\"hidden-value\"},\"filter\":\"spaceId eq \\\"s-1\\\"\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode webhook = JSON.readTree(created.body());
        assertThat(webhook.path("enabled").asBoolean(true)).isFalse();
        assertThat(webhook.path("secretKeyAdded").asBoolean()).isTrue();
        assertThat(webhook.has("secret")).isFalse();
        assertThat(webhook.path("encryptedHeaders")).extracting(JsonNode::asText).containsExactly("X-Key");
        assertThat(created.body()).doesNotContain("hidden-value").doesNotContain(SECRET);
        assertThat(webhook.path("headers").path("X-Team").asText()).isEqualTo("bi");
        assertThat(webhook.path("filter").asText()).isEqualTo("spaceId eq \"s-1\"");
        for (String field : List.of("id", "createdAt", "updatedAt", "origin", "createdByUserId", "level",
                "checkCertificateRevocation", "enableCloudEventDelivery")) {
            assertThat(webhook.has(field)).as(field).isTrue();
        }
        assertThat(call("GET", "/api/v1/webhooks/" + webhook.get("id").asText(), null).body())
                .doesNotContain("hidden-value").doesNotContain(SECRET);
    }

    @Test
    void putClearsOmittedFieldsPatchAnswers204AndKeepsTheOthers() throws Exception {
        String id = create("w", "{\"description\":\"by an admin\",\"headers\":{\"X-Team\":\"bi\"},\"enabled\":true}");

        HttpResponse<String> patched = call("PATCH", "/api/v1/webhooks/" + id,
                "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"renamed\"},"
                + "{\"op\":\"remove\",\"path\":\"/headers\"},{\"op\":\"add\",\"path\":\"/description\",\"value\":\"d\"}]");
        assertThat(patched.statusCode()).isEqualTo(204);
        assertThat(patched.body()).isEmpty();
        JsonNode afterPatch = read(id);
        assertThat(afterPatch.path("name").asText()).isEqualTo("renamed");
        assertThat(afterPatch.has("headers")).isFalse();
        assertThat(afterPatch.path("description").asText()).isEqualTo("d");
        assertThat(afterPatch.path("secretKeyAdded").asBoolean()).as("the secret stays").isTrue();

        HttpResponse<String> put = call("PUT", "/api/v1/webhooks/" + id,
                "{\"name\":\"renamed\",\"url\":\"https://a.example/h\"}");
        assertThat(put.statusCode()).isEqualTo(200);
        JsonNode afterPut = JSON.readTree(put.body());
        assertThat(afterPut.has("description")).isFalse();
        assertThat(afterPut.path("secretKeyAdded").asBoolean()).as("PUT without a secret clears it").isFalse();
        assertThat(afterPut.path("enabled").asBoolean()).isFalse();
    }

    @Test
    void patchRefusesOtherOperationsAndUnpatchablePathsAndChangesNothing() throws Exception {
        String id = create("w", "{\"level\":\"tenant\"}");

        for (String patch : List.of("[{\"op\":\"move\",\"from\":\"/name\",\"path\":\"/description\"}]",
                "[{\"op\":\"replace\",\"path\":\"/level\",\"value\":\"user\"}]",
                "[{\"op\":\"replace\",\"path\":\"/filter\",\"value\":\"id eq \\\"x\\\"\"}]",
                "[{\"op\":\"replace\",\"path\":\"/checkCertificateRevocation\",\"value\":true}]",
                "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"n\"},{\"op\":\"replace\",\"path\":\"/ownerId\","
                + "\"value\":\"u\"}]")) {
            HttpResponse<String> refused = call("PATCH", "/api/v1/webhooks/" + id, patch);
            assertThat(refused.statusCode()).as(patch).isEqualTo(400);
            assertThat(JSON.readTree(refused.body()).path("errors").get(0).path("detail").asText()).isNotBlank();
        }
        assertThat(read(id).path("name").asText()).isEqualTo("w");
    }

    @Test
    void theListPagesTwentyByDefaultSortsFiltersAndRefusesABadLimit() throws Exception {
        for (int i = 0; i < 25; i++) {
            create(String.format("w-%02d", i), "{}");
        }

        JsonNode first = get("/api/v1/webhooks");
        assertThat(first.path("data")).hasSize(20);
        assertThat(first.path("data").get(0).path("name").asText()).as("newest first").isEqualTo("w-24");
        String next = first.path("links").path("next").path("href").asText();
        assertThat(next).startsWith(tenant.url());
        assertThat(get(URI.create(next).getRawPath() + "?" + URI.create(next).getRawQuery()).path("data")).hasSize(5);
        assertThat(get("/api/v1/webhooks?sort=%2Bname&limit=3").path("data")).extracting(w -> w.path("name").asText())
                .containsExactly("w-00", "w-01", "w-02");
        assertThat(get("/api/v1/webhooks?name=W-1*&limit=100").path("data")).hasSize(10);
        assertThat(get("/api/v1/webhooks?enabled=true").path("data")).isEmpty();
        assertThat(call("GET", "/api/v1/webhooks?limit=101", null).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/v1/webhooks?limit=0", null).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/v1/webhooks?sort=secret", null).statusCode()).isEqualTo(400);
    }

    @Test
    void eventTypesNameTheirLevels() throws Exception {
        JsonNode types = get("/api/v1/webhooks/event-types");

        assertThat(types.path("data")).isNotEmpty().allSatisfy(type -> {
            for (String field : List.of("name", "title", "description", "category")) {
                assertThat(type.path(field).asText()).as(field).isNotBlank();
            }
            assertThat(type.path("levels")).isNotEmpty();
        });
    }

    @Test
    void deliveriesInTheSpecsShapeAndAResendIsANewDelivery() throws Exception {
        String id = create("w", "{\"enabled\":true,\"url\":\"http://127.0.0.1:9/nobody\","
                                + "\"encryptedHeaders\":{\"X-Key\":\"hidden-value\"}}");
        tenant.feed().publishGenerated(Instant.now());
        await().atMost(Progress.STALL).until(() -> tenant.deliveries().stream().anyMatch(d -> d.attempt() == 4));

        JsonNode list = get("/api/v1/webhooks/" + id + "/deliveries?status=fail");
        assertThat(list.path("data")).hasSize(1);
        JsonNode delivery = list.path("data").get(0);
        for (String field : List.of("id", "webhookId", "eventType", "status", "statusMessage", "triggeredAt")) {
            assertThat(delivery.path(field).asText()).as(field).isNotBlank();
        }
        assertThat(delivery.path("status").asText()).isEqualTo("fail");
        assertThat(delivery.path("request").path("url").asText()).endsWith("/nobody");
        assertThat(delivery.path("request").path("headers").path("X-Key").asText()).isEqualTo("**OMITTED**");
        assertThat(delivery.path("request").path("body").asText()).contains(tenant.feed().snapshot().get(0).eventId());
        assertThat(delivery.path("response").has("statusCode")).isTrue();
        assertThat(get("/api/v1/webhooks/" + id + "/deliveries?status=success").path("data")).isEmpty();
        String path = "/api/v1/webhooks/" + id + "/deliveries/" + delivery.path("id").asText();
        assertThat(get(path).path("id").asText()).isEqualTo(delivery.path("id").asText());

        HttpResponse<String> resent = call("POST", path + "/actions/resend", null);
        assertThat(resent.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(resent.body()).path("id").asText()).isNotEqualTo(delivery.path("id").asText());
        assertThat(get("/api/v1/webhooks/" + id + "/deliveries").path("data")).hasSize(2);
        assertThat(call("POST", "/api/v1/webhooks/" + id + "/deliveries/none/actions/resend", null).statusCode())
                .isEqualTo(404);
    }

    private String create(String name, String extra) throws Exception {
        JsonNode body = JSON.readTree("{\"name\":\"" + name + "\",\"url\":\"https://a.example/h\",\"secret\":\"" + SECRET
                                      + "\"}");
        JsonNode more = JSON.readTree(extra);
        more.properties().forEach(entry -> ((ObjectNode) body)
                .set(entry.getKey(), entry.getValue()));
        HttpResponse<String> created = call("POST", "/api/v1/webhooks", body.toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asText();
    }

    private JsonNode read(String id) throws Exception {
        return get("/api/v1/webhooks/" + id);
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = call("GET", path, null);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(tenant.url() + path))
                .header("Authorization", "Bearer " + TestSecrets.API_KEY).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
