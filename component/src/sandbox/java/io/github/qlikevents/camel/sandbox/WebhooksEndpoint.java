package io.github.qlikevents.camel.sandbox;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.qlikevents.camel.decoding.QlikJson;

/**
 * The webhooks API of the sandbox: create, list, get, update (PUT, PATCH replace; enabling again clears the reason it
 * was disabled for), delete, event types, deliveries; with Qlik's rules (name and url required, secret of 32 to 64
 * characters, a quota per tenant). The secret is never returned.
 */
final class WebhooksEndpoint {

    private static final String BASE = "/api/v1/webhooks";

    private final Map<String, SandboxWebhook> webhooks = new ConcurrentHashMap<>();
    private final int quota;
    private final Set<String> offeredTypes;
    private final Supplier<List<SandboxDelivery>> deliveries;
    private Instant lastCreation = Instant.EPOCH;

    WebhooksEndpoint(int quota, Set<String> offeredTypes, Supplier<List<SandboxDelivery>> deliveries) {
        this.quota = quota;
        this.offeredTypes = Set.copyOf(offeredTypes);
        this.deliveries = deliveries;
    }

    Collection<SandboxWebhook> all() {
        return webhooks.values();
    }

    /** Disables a webhook, as Qlik does with one whose deliveries keep failing. */
    void disable(String id, String reason, String code) {
        webhooks.computeIfPresent(id, (key, webhook) -> webhook.disabled(reason, code));
    }

    synchronized SandboxResponse handle(String method, String path, byte[] body) throws IOException {
        String rest = path.substring(BASE.length());
        if (rest.isEmpty() || rest.equals("/")) {
            return switch (method) {
                case "GET" -> list();
                case "POST" -> create(body);
                default -> SandboxResponse.error(405, "Method not allowed", "use GET or POST");
            };
        }
        String id = rest.substring(1);
        if (id.equals("event-types")) {
            return eventTypes();
        }
        if (id.endsWith("/deliveries")) {
            return deliveries(id.substring(0, id.length() - "/deliveries".length()));
        }
        SandboxWebhook webhook = webhooks.get(id);
        if (webhook == null) {
            return SandboxResponse.error(404, "Not found", "no webhook " + id);
        }
        return switch (method) {
            case "GET" -> SandboxResponse.json(200, QlikJson.mapper().writeValueAsBytes(view(webhook)));
            case "PUT" -> replace(webhook, body);
            case "PATCH" -> patch(webhook, body);
            case "DELETE" -> {
                webhooks.remove(id);
                yield new SandboxResponse(204, new byte[0], Map.of(), null);
            }
            default -> SandboxResponse.error(405, "Method not allowed", "use GET, PUT, PATCH or DELETE");
        };
    }

    private SandboxResponse create(byte[] body) throws IOException {
        if (webhooks.size() >= quota) {
            return SandboxResponse.error(403, "Forbidden", "the tenant already has " + quota + " webhooks");
        }
        JsonNode json = QlikJson.mapper().readTree(body);
        String problem = problem(json);
        if (problem != null) {
            return SandboxResponse.error(400, "Bad request", problem);
        }
        SandboxWebhook webhook = fromJson(UUID.randomUUID().toString(), json, false, nextCreationTime());
        webhooks.put(webhook.id(), webhook);
        return SandboxResponse.json(201, QlikJson.mapper().writeValueAsBytes(view(webhook)));
    }

    private SandboxResponse replace(SandboxWebhook webhook, byte[] body) throws IOException {
        JsonNode json = QlikJson.mapper().readTree(body);
        String problem = problem(json);
        if (problem != null) {
            return SandboxResponse.error(400, "Bad request", problem);
        }
        // CloudEvents delivery cannot be turned off once on
        SandboxWebhook updated = fromJson(webhook.id(), json, webhook.cloudEvents(), webhook.createdAt());
        webhooks.put(updated.id(), updated);
        return SandboxResponse.json(200, QlikJson.mapper().writeValueAsBytes(view(updated)));
    }

    private SandboxResponse patch(SandboxWebhook webhook, byte[] body) throws IOException {
        ObjectNode current = view(webhook);
        current.put("secret", webhook.secret());
        for (JsonNode operation : QlikJson.mapper().readTree(body)) {
            if (!"replace".equals(operation.path("op").asText())) {
                return SandboxResponse.error(400, "Bad request", "only replace operations are supported");
            }
            current.set(operation.path("path").asText().replaceFirst("^/", ""), operation.get("value"));
        }
        return replace(webhook, QlikJson.mapper().writeValueAsBytes(current));
    }

    private SandboxResponse list() throws IOException {
        ObjectNode response = QlikJson.mapper().createObjectNode();
        ArrayNode data = response.putArray("data");
        List<SandboxWebhook> sorted = new ArrayList<>(webhooks.values());
        sorted.sort((a, b) -> a.name().compareTo(b.name()));
        sorted.forEach(webhook -> data.add(view(webhook)));
        response.putObject("links").putObject("self").put("href", BASE);
        return SandboxResponse.json(200, QlikJson.mapper().writeValueAsBytes(response));
    }

    /** The delivery attempts of one webhook, newest first, as Qlik lists them (it keeps 7 days). */
    private SandboxResponse deliveries(String id) throws IOException {
        if (!webhooks.containsKey(id)) {
            return SandboxResponse.error(404, "Not found", "no webhook " + id);
        }
        ObjectNode response = QlikJson.mapper().createObjectNode();
        ArrayNode data = response.putArray("data");
        List<SandboxDelivery> attempts = new ArrayList<>(deliveries.get());
        Collections.reverse(attempts);
        for (SandboxDelivery delivery : attempts) {
            if (delivery.webhookId().equals(id)) {
                data.addObject().put("id", delivery.eventId() + "." + delivery.attempt())
                        .put("eventId", delivery.eventId()).put("status", delivery.succeeded() ? "success" : "fail")
                        .put("statusCode", delivery.status()).put("triggeredAt", delivery.at().toString());
            }
        }
        return SandboxResponse.json(200, QlikJson.mapper().writeValueAsBytes(response));
    }

    private SandboxResponse eventTypes() throws IOException {
        ObjectNode response = QlikJson.mapper().createObjectNode();
        ArrayNode data = response.putArray("data");
        for (String type : offeredTypes) {
            data.addObject().put("name", type).put("title", type).put("description", "system event")
                    .putArray("levels").add("tenant");
        }
        return SandboxResponse.json(200, QlikJson.mapper().writeValueAsBytes(response));
    }

    /** What Qlik would refuse, or null. */
    private String problem(JsonNode json) {
        for (JsonNode type : json.path("eventTypes")) {
            if (!offeredTypes.contains(type.asText())) {
                return "event type " + type.asText() + " is not supported for webhooks";
            }
        }
        if (!json.hasNonNull("name") || json.get("name").asText().isBlank()) {
            return "name is required";
        }
        String url = json.path("url").asText("");
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return "url is not a URL";
        }
        boolean https = "https".equals(uri.getScheme()) && uri.getHost() != null;
        boolean loopback = "http".equals(uri.getScheme()) && ("127.0.0.1".equals(uri.getHost())
                                                              || "localhost".equals(uri.getHost()));
        if (!https && !loopback) {
            return "url must be https on a DNS name";
        }
        int secret = json.path("secret").asText("").length();
        if (json.has("secret") && (secret < 32 || secret > 64)) {
            return "secret must be 32 to 64 characters";
        }
        return null;
    }

    /** Creation times strictly increase, so that "created first" is always decided. */
    private Instant nextCreationTime() {
        Instant now = Instant.now();
        lastCreation = now.isAfter(lastCreation) ? now : lastCreation.plusNanos(1000);
        return lastCreation;
    }

    private static SandboxWebhook fromJson(String id, JsonNode json, boolean cloudEventsAlready, Instant createdAt) {
        List<String> types = new ArrayList<>();
        json.path("eventTypes").forEach(type -> types.add(type.asText()));
        // enabling again (PUT or PATCH enabled=true) clears the reason it was disabled for
        return new SandboxWebhook(id, json.get("name").asText(), json.get("url").asText(), List.copyOf(types),
                json.path("secret").asText(null), json.path("enabled").asBoolean(true),
                json.path("level").asText("tenant"),
                cloudEventsAlready || json.path("enableCloudEventDelivery").asBoolean(false), createdAt, null, null);
    }

    private static ObjectNode view(SandboxWebhook webhook) {
        ObjectNode view = QlikJson.mapper().createObjectNode().put("id", webhook.id()).put("name", webhook.name())
                .put("url", webhook.url()).put("enabled", webhook.enabled()).put("level", webhook.level())
                .put("enableCloudEventDelivery", webhook.cloudEvents()).put("createdAt", webhook.createdAt().toString());
        webhook.eventTypes().forEach(view.putArray("eventTypes")::add);
        if (webhook.disabledReason() != null) {
            view.put("disabledReason", webhook.disabledReason()).put("disabledReasonCode", webhook.disabledReasonCode());
        }
        return view;
    }
}
