package io.github.qlikevents.camel.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.qlikevents.camel.decoding.QlikJson;

/**
 * A webhook registered on the sandbox tenant, as Qlik stores it: the fields written by POST, PUT or PATCH (secret and
 * encrypted header values included) and the read-only ones Qlik adds. Immutable; {@link #view()} is what Qlik
 * returns of it (no secret, encrypted header names only).
 */
public final class SandboxWebhook {

    /** The fields a client writes (POST, PUT); PUT clears those it omits. */
    static final List<String> WRITABLE = List.of("name", "url", "description", "eventTypes", "enabled", "level",
            "ownerId", "secret", "headers", "encryptedHeaders", "filter", "checkCertificateRevocation",
            "enableCloudEventDelivery");
    /** The paths a JSON Patch may change (Qlik: not level, filter, checkCertificateRevocation, ownerId). */
    static final List<String> PATCHABLE = List.of("/name", "/description", "/url", "/eventTypes", "/headers",
            "/enabled", "/secret", "/encryptedHeaders", "/enableCloudEventDelivery");

    private final ObjectNode stored;

    SandboxWebhook(ObjectNode stored) {
        this.stored = stored.deepCopy();
    }

    /** A new webhook: the written fields of {@code json}, disabled unless it says enabled (Qlik's default). */
    static SandboxWebhook created(String id, JsonNode json, Instant at) {
        ObjectNode stored = written(json);
        stored.put("id", id).put("createdAt", at.toString()).put("updatedAt", at.toString())
                .put("origin", "api").put("createdByUserId", "sandbox-user").put("updatedByUserId", "sandbox-user");
        return new SandboxWebhook(stored);
    }

    /** This webhook replaced by {@code json} (PUT): omitted fields cleared, CloudEvents delivery stays on once on. */
    SandboxWebhook replaced(JsonNode json, Instant at) {
        ObjectNode next = written(json);
        for (String readOnly : List.of("id", "createdAt", "origin", "createdByUserId")) {
            next.set(readOnly, stored.get(readOnly));
        }
        if (cloudEvents()) {
            next.put("enableCloudEventDelivery", true);
        }
        return touched(next, at);
    }

    /** This webhook with {@code field} set (or removed for null), as a patch operation leaves it. */
    SandboxWebhook with(String field, JsonNode value, Instant at) {
        ObjectNode next = stored.deepCopy();
        if (value == null || value.isNull()) {
            next.remove(field);
        } else {
            next.set(field, value);
        }
        if (cloudEvents()) {
            next.put("enableCloudEventDelivery", true);
        }
        return touched(next, at);
    }

    /** This webhook disabled by the tenant, for {@code reason}. */
    SandboxWebhook disabled(String reason, String code) {
        ObjectNode next = stored.deepCopy().put("enabled", false).put("disabledReason", reason)
                .put("disabledReasonCode", code);
        return new SandboxWebhook(next);
    }

    /** What Qlik returns of this webhook: no secret (secretKeyAdded instead), encrypted headers by name only. */
    ObjectNode view() {
        ObjectNode view = stored.deepCopy();
        view.remove("secret");
        view.put("secretKeyAdded", secret() != null);
        view.put("enabled", enabled()).put("level", level()).put("enableCloudEventDelivery", cloudEvents())
                .put("checkCertificateRevocation", checkCertificateRevocation());
        if (stored.has("encryptedHeaders")) {
            view.putArray("encryptedHeaders").addAll(stored.get("encryptedHeaders").properties().stream()
                    .map(entry -> view.textNode(entry.getKey())).toList());
        }
        return view;
    }

    public String id() {
        return stored.path("id").asText();
    }

    public String name() {
        return stored.path("name").asText();
    }

    public String url() {
        return stored.path("url").asText();
    }

    public String description() {
        return stored.path("description").asText(null);
    }

    /** The types delivered; none means every type. */
    public List<String> eventTypes() {
        List<String> types = new ArrayList<>();
        stored.path("eventTypes").forEach(type -> types.add(type.asText()));
        return List.copyOf(types);
    }

    public String secret() {
        return stored.path("secret").asText(null);
    }

    public boolean enabled() {
        return stored.path("enabled").asBoolean(false);
    }

    public String level() {
        return stored.path("level").asText("tenant");
    }

    public String ownerId() {
        return stored.path("ownerId").asText(null);
    }

    /** The plain headers sent with every delivery. */
    public Map<String, String> headers() {
        return map(stored.path("headers"));
    }

    /** The encrypted headers sent with every delivery (their values are never returned by the API). */
    public Map<String, String> encryptedHeaders() {
        return map(stored.path("encryptedHeaders"));
    }

    public String filter() {
        return stored.path("filter").asText(null);
    }

    public boolean checkCertificateRevocation() {
        return stored.path("checkCertificateRevocation").asBoolean(false);
    }

    /** Whether deliveries are CloudEvents 1.0 documents. */
    public boolean cloudEvents() {
        return stored.path("enableCloudEventDelivery").asBoolean(false);
    }

    public Instant createdAt() {
        return Instant.parse(stored.path("createdAt").asText());
    }

    public String disabledReason() {
        return stored.path("disabledReason").asText(null);
    }

    public String disabledReasonCode() {
        return stored.path("disabledReasonCode").asText(null);
    }

    /** The fields as written (secret and encrypted header values included), without what Qlik adds. */
    ObjectNode written() {
        return written(stored);
    }

    /** Never prints the secret nor header values. */
    @Override
    public String toString() {
        return "SandboxWebhook[id=" + id() + ", name=" + name() + ", url=" + url() + ", eventTypes=" + eventTypes()
               + ", enabled=" + enabled() + (disabledReason() == null ? "" : ", disabledReason=" + disabledReason())
               + "]";
    }

    private SandboxWebhook touched(ObjectNode next, Instant at) {
        next.put("updatedAt", at.toString()).put("updatedByUserId", "sandbox-user");
        // a webhook still disabled keeps the reason it was disabled for; enabling it again clears that
        for (String reason : List.of("disabledReason", "disabledReasonCode")) {
            if (!next.path("enabled").asBoolean(false) && stored.has(reason)) {
                next.set(reason, stored.get(reason));
            } else {
                next.remove(reason);
            }
        }
        return new SandboxWebhook(next);
    }

    private static ObjectNode written(JsonNode json) {
        ObjectNode written = QlikJson.mapper().createObjectNode();
        for (String field : WRITABLE) {
            if (json.hasNonNull(field)) {
                written.set(field, json.get(field));
            }
        }
        return written;
    }

    private static Map<String, String> map(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().asText()));
        return map;
    }
}
