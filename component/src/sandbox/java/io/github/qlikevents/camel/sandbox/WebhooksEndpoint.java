package io.github.qlikevents.camel.sandbox;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.qlikevents.camel.decoding.QlikJson;

/**
 * The webhooks API of the sandbox as Qlik's API definitions describe it: create (201; {@code enabled} false unless
 * given), list ({@code limit}, {@code sort}, filters, cursors), get, replace (PUT clears every omitted field), JSON
 * Patch (204, no body; {@code add}, {@code remove}, {@code replace} on the patchable paths only), delete, event types;
 * with Qlik's rules (name and url required, https on a DNS name, secret of 32 to 64 characters, headers of at most
 * 2,048 bytes with names that do not repeat, a valid filter, a quota per tenant). The secret and encrypted header
 * values are never returned.
 */
final class WebhooksEndpoint {

    static final String BASE = "/api/v1/webhooks";
    private static final int HEADERS_MAX_BYTES = 2048;
    private static final List<String> SORTABLE = List.of("name", "url", "createdAt", "updatedAt");
    /** The list's exact-match filters and the webhook field each compares (name and url take wildcards). */
    private static final Map<String, String> EXACT_FILTERS = Map.of("enabled", "enabled", "level", "level",
            "ownerId", "ownerId", "origins", "origin", "createdByUserId", "createdByUserId", "updatedByUserId",
            "updatedByUserId");

    private final Map<String, SandboxWebhook> webhooks = new ConcurrentHashMap<>();
    private final int quota;
    private final Set<String> offeredTypes;
    private final Set<String> tenantLevelOnly;
    private final Supplier<String> tenantUrl;
    private Instant lastChange = Instant.EPOCH;

    WebhooksEndpoint(int quota, Set<String> offeredTypes, Set<String> tenantLevelOnly, Supplier<String> tenantUrl) {
        this.quota = quota;
        this.offeredTypes = Set.copyOf(offeredTypes);
        this.tenantLevelOnly = Set.copyOf(tenantLevelOnly);
        this.tenantUrl = tenantUrl;
    }

    Collection<SandboxWebhook> all() {
        return webhooks.values();
    }

    SandboxWebhook get(String id) {
        return webhooks.get(id);
    }

    /** Disables a webhook, as Qlik does with one whose deliveries keep failing. */
    void disable(String id, String reason, String code) {
        webhooks.computeIfPresent(id, (key, webhook) -> webhook.disabled(reason, code));
    }

    /** Changes a webhook as an admin does in the management console (a PUT of every field, secrets included). */
    synchronized void edit(String id, UnaryOperator<ObjectNode> change) {
        SandboxWebhook webhook = webhooks.get(id);
        if (webhook == null) {
            throw new IllegalArgumentException("no webhook " + id);
        }
        webhooks.put(id, webhook.replaced(change.apply(webhook.written()), nextChangeTime()));
    }

    synchronized SandboxResponse handle(String method, String path, Map<String, String> query, byte[] body)
            throws IOException {
        String rest = path.substring(BASE.length());
        if (rest.isEmpty() || rest.equals("/")) {
            return switch (method) {
                case "GET" -> list(query);
                case "POST" -> create(body);
                default -> SandboxResponse.error(405, "Method not allowed", "use GET or POST");
            };
        }
        String id = rest.substring(1);
        if (id.equals("event-types")) {
            return eventTypes();
        }
        SandboxWebhook webhook = webhooks.get(id);
        if (webhook == null) {
            return SandboxResponse.error(404, "Not found", "no webhook " + id);
        }
        return switch (method) {
            case "GET" -> SandboxResponse.json(200, QlikJson.mapper().writeValueAsBytes(webhook.view()));
            case "PUT" -> replace(webhook, QlikJson.mapper().readTree(body));
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
        SandboxWebhook webhook = SandboxWebhook.created(UUID.randomUUID().toString(), json, nextChangeTime());
        webhooks.put(webhook.id(), webhook);
        return SandboxResponse.json(201, QlikJson.mapper().writeValueAsBytes(webhook.view()));
    }

    private SandboxResponse replace(SandboxWebhook webhook, JsonNode json) throws IOException {
        String problem = problem(json);
        if (problem != null) {
            return SandboxResponse.error(400, "Bad request", problem);
        }
        SandboxWebhook updated = webhook.replaced(json, nextChangeTime());
        webhooks.put(updated.id(), updated);
        return SandboxResponse.json(200, QlikJson.mapper().writeValueAsBytes(updated.view()));
    }

    /** A JSON Patch: every operation valid, or none applied. */
    private SandboxResponse patch(SandboxWebhook webhook, byte[] body) throws IOException {
        JsonNode operations = QlikJson.mapper().readTree(body);
        if (!operations.isArray() || operations.isEmpty()) {
            return SandboxResponse.error(400, "Bad request", "a JSON Patch is a non-empty array of operations");
        }
        SandboxWebhook patched = webhook;
        for (JsonNode operation : operations) {
            String op = operation.path("op").asText();
            String path = operation.path("path").asText();
            if (!List.of("add", "remove", "replace").contains(op)) {
                return SandboxResponse.error(400, "Bad request", "op must be add, remove or replace, was '" + op + "'");
            }
            if (!SandboxWebhook.PATCHABLE.contains(path)) {
                return SandboxResponse.error(400, "Bad request", "path '" + path + "' cannot be patched (allowed: "
                                                                 + SandboxWebhook.PATCHABLE + ")");
            }
            if (!op.equals("remove") && !operation.has("value")) {
                return SandboxResponse.error(400, "Bad request", op + " of " + path + " needs a value");
            }
            if (path.equals("/enableCloudEventDelivery") && webhook.cloudEvents()
                && !operation.path("value").asBoolean(false)) {
                return SandboxResponse.error(400, "Bad request", "CloudEvents delivery cannot be turned off");
            }
            patched = patched.with(path.substring(1), op.equals("remove") ? null : operation.get("value"),
                    nextChangeTime());
        }
        String problem = problem(patched.written());
        if (problem != null) {
            return SandboxResponse.error(400, "Bad request", problem);
        }
        webhooks.put(patched.id(), patched);
        return new SandboxResponse(204, new byte[0], Map.of(), null);
    }

    private SandboxResponse list(Map<String, String> query) {
        List<ObjectNode> kept = new ArrayList<>();
        for (SandboxWebhook webhook : webhooks.values()) {
            ObjectNode view = webhook.view();
            boolean matches = (!query.containsKey("name") || ListPage.wildcard(query.get("name"), view.path("name")))
                              && (!query.containsKey("url") || ListPage.wildcard(query.get("url"), view.path("url")))
                              && (!query.containsKey("eventTypes")
                                  || webhook.eventTypes().contains(query.get("eventTypes")))
                              && EXACT_FILTERS.entrySet().stream().allMatch(filter ->
                                      !query.containsKey(filter.getKey())
                                      || query.get(filter.getKey()).equals(view.path(filter.getValue()).asText()));
            if (matches) {
                kept.add(view);
            }
        }
        return ListPage.of(kept, query, SORTABLE, "-createdAt", tenantUrl.get() + BASE);
    }

    private SandboxResponse eventTypes() throws IOException {
        ObjectNode response = QlikJson.mapper().createObjectNode();
        ArrayNode data = response.putArray("data");
        for (String type : offeredTypes) {
            ArrayNode levels = data.addObject().put("name", type).put("title", type).put("description", "system event")
                    .put("category", type.substring(0, type.lastIndexOf('.'))).putArray("levels");
            levels.add("tenant");
            if (!tenantLevelOnly.contains(type)) {
                levels.add("user");
            }
        }
        return SandboxResponse.json(200, QlikJson.mapper().writeValueAsBytes(response));
    }

    /** What Qlik would refuse, or null. */
    private String problem(JsonNode json) {
        for (JsonNode type : json.path("eventTypes")) {
            if (!offeredTypes.contains(type.asText())) {
                return "event type " + type.asText() + " is not supported for webhooks";
            }
            if ("user".equals(json.path("level").asText()) && tenantLevelOnly.contains(type.asText())) {
                return "event type " + type.asText() + " is only supported for tenant-level webhooks";
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
        for (String headers : List.of("headers", "encryptedHeaders")) {
            String problem = headersProblem(headers, json.path(headers));
            if (problem != null) {
                return problem;
            }
        }
        if (json.hasNonNull("filter")) {
            List<String> types = new ArrayList<>();
            json.path("eventTypes").forEach(type -> types.add(type.asText()));
            try {
                WebhookFilter.parse(json.get("filter").asText(), types);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
        return null;
    }

    private static String headersProblem(String field, JsonNode headers) {
        if (headers.isMissingNode() || headers.isNull()) {
            return null;
        }
        if (!headers.isObject()) {
            return field + " must be an object of header names and values";
        }
        Set<String> names = new HashSet<>();
        int bytes = 0;
        for (Map.Entry<String, JsonNode> header : headers.properties()) {
            if (!names.add(header.getKey().toLowerCase(Locale.ROOT))) {
                return field + ": header " + header.getKey() + " is given twice";
            }
            bytes += (header.getKey() + header.getValue().asText()).getBytes(StandardCharsets.UTF_8).length;
        }
        return bytes > HEADERS_MAX_BYTES ? field + " exceed " + HEADERS_MAX_BYTES + " bytes" : null;
    }

    /** Change times strictly increase, so that "created first" is always decided. */
    private Instant nextChangeTime() {
        Instant now = Instant.now();
        lastChange = now.isAfter(lastChange) ? now : lastChange.plusNanos(1000);
        return lastChange;
    }
}
