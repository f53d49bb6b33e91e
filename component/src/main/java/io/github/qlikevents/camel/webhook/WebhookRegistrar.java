package io.github.qlikevents.camel.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.qlikevents.camel.decoding.QlikJson;
import io.github.qlikevents.camel.http.HttpResult;
import io.github.qlikevents.camel.http.QlikApiClient;
import io.github.qlikevents.camel.http.QlikApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the Qlik webhook of an endpoint: reuses (and updates) one with the same name and URL rather than adding
 * another (a crashed instance must not leave a growing pile; Qlik allows 100 per tenant), else creates it. Replicas
 * that start together and both create one converge on the one created first: the others delete their own.
 * <p>
 * An update changes only what the endpoint owns, by JSON Patch: what an admin set in Qlik (headers, encrypted headers,
 * filter, certificate revocation check, description, owner) stays. Qlik cannot patch level, filter and
 * checkCertificateRevocation: when the endpoint must change one of those, the webhook is replaced (PUT) with every
 * readable field kept, and a WARN names the encrypted headers an admin must enter again (Qlik never returns their
 * values).
 */
public final class WebhookRegistrar {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRegistrar.class);

    private static final String WEBHOOKS = WebhooksApi.WEBHOOKS;
    private static final String DEFAULT_DESCRIPTION = "Camel qlik-events webhook";
    /** The fields of a webhook as read that a replacement (PUT) writes back, so that it clears none of them. */
    private static final List<String> KEPT_BY_REPLACEMENT = List.of("description", "ownerId", "headers", "filter",
            "checkCertificateRevocation", "enableCloudEventDelivery");

    private final WebhooksApi api;

    public WebhookRegistrar(QlikApiClient api) {
        this.api = new WebhooksApi(api);
    }

    /**
     * What to register; the nullable fields, when null, are left as they are on an existing webhook.
     *
     * @param name                       the webhook name
     * @param url                        the external URL Qlik posts to
     * @param eventTypes                 the event types
     * @param secret                     the signing secret
     * @param level                      tenant or user
     * @param cloudEvents                whether to turn on CloudEvents delivery (never turned off: Qlik cannot)
     * @param description                the description, or null
     * @param headers                    the headers Qlik sends encrypted with each delivery, or null
     * @param filter                     Qlik's filter expression, or null
     * @param checkCertificateRevocation whether Qlik checks the receiver's certificate for revocation, or null
     */
    public record Registration(String name, String url, Collection<String> eventTypes, String secret, String level,
                               boolean cloudEvents, String description, Map<String, String> headers, String filter,
                               Boolean checkCertificateRevocation) {

        /** Never shows the secret nor header values. */
        @Override
        public String toString() {
            return "Registration[name=" + name + ", url=" + url + ", eventTypes=" + eventTypes + ", level=" + level
                   + ", secret=***" + (headers == null ? "" : ", headers=" + headers.keySet()) + "]";
        }
    }

    /** Creates or updates the webhook; returns its id. */
    public String register(Registration registration) {
        List<JsonNode> same = find(registration.name(), registration.url());
        String existing = same.isEmpty() ? null : oldest(same);
        if (existing == null) {
            HttpResult created = send("POST", WEBHOOKS, "create", registration, creation(registration));
            return converge(registration, api.json(created, "Creating webhook " + registration.name()).path("id")
                    .asText());
        }
        JsonNode current = same.stream().filter(webhook -> id(webhook).equals(existing)).findFirst().orElseThrow();
        if (!current.path("enabled").asBoolean(true)) {
            LOG.warn("Qlik had disabled webhook {}: {} ({}); registering enables it again", existing,
                    current.path("disabledReason").asText(null), current.path("disabledReasonCode").asText(null));
        }
        List<String> unpatchable = unpatchableChanges(registration, current);
        if (unpatchable.isEmpty()) {
            send("PATCH", WEBHOOKS + "/" + existing, "update", registration, patch(registration, current));
        } else {
            Set<String> lost = encryptedHeaderNames(current);
            if (registration.headers() != null) {
                registration.headers().keySet().forEach(name -> lost.removeIf(name::equalsIgnoreCase));
            }
            LOG.warn("Qlik cannot patch {} of webhook '{}' ({}): replacing it whole (PUT), keeping every field Qlik"
                     + " returns{}", unpatchable, registration.name(), existing, lost.isEmpty() ? ""
                    : "; Qlik never returns encrypted header values, so an admin must enter " + lost + " again");
            send("PUT", WEBHOOKS + "/" + existing, "update", registration, replacement(registration, current));
        }
        return existing;
    }

    /** The fields Qlik cannot patch that the registration changes (level and the check with old and new value). */
    private static List<String> unpatchableChanges(Registration registration, JsonNode current) {
        List<String> changes = new ArrayList<>();
        String level = current.path("level").asText("tenant");
        if (!registration.level().equals(level)) {
            changes.add("level (" + level + " to " + registration.level() + ")");
        }
        if (registration.filter() != null && !registration.filter().equals(current.path("filter").asText(null))) {
            changes.add("filter");
        }
        boolean check = current.path("checkCertificateRevocation").asBoolean(false);
        if (registration.checkCertificateRevocation() != null && registration.checkCertificateRevocation() != check) {
            changes.add("checkCertificateRevocation (" + check + " to " + registration.checkCertificateRevocation()
                        + ")");
        }
        return changes;
    }

    /**
     * The JSON Patch of what the endpoint owns. RFC 6902's {@code add} sets an object member whether or not it is
     * there, so it serves the fields an existing webhook may lack; CloudEvents delivery is only ever turned on.
     */
    private static byte[] patch(Registration registration, JsonNode current) {
        ArrayNode operations = QlikJson.mapper().createArrayNode();
        operation(operations, "add", "/eventTypes", registration.eventTypes());
        operation(operations, "add", "/secret", registration.secret());
        operation(operations, "replace", "/enabled", true);
        if (registration.description() != null
            && !registration.description().equals(current.path("description").asText(null))) {
            operation(operations, "add", "/description", registration.description());
        }
        if (registration.headers() != null) {
            operation(operations, "add", "/encryptedHeaders", registration.headers());
        }
        if (registration.cloudEvents() && !current.path("enableCloudEventDelivery").asBoolean(false)) {
            operation(operations, "add", "/enableCloudEventDelivery", true);
        }
        return operations.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Adds one JSON Patch operation. */
    private static void operation(ArrayNode operations, String op, String path, Object value) {
        operations.addObject().put("op", op).put("path", path).set("value", QlikJson.mapper().valueToTree(value));
    }

    /** A new webhook: enabled (Qlik's default is disabled), with every field the registration sets. */
    private static byte[] creation(Registration registration) {
        ObjectNode body = owned(QlikJson.mapper().createObjectNode(), registration);
        if (!body.has("description")) {
            body.put("description", DEFAULT_DESCRIPTION);
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The whole webhook for a PUT: every readable field of {@code current}, then what the registration owns. */
    private static byte[] replacement(Registration registration, JsonNode current) {
        ObjectNode body = QlikJson.mapper().createObjectNode();
        for (String field : KEPT_BY_REPLACEMENT) {
            if (current.hasNonNull(field)) {
                body.set(field, current.get(field));
            }
        }
        return owned(body, registration).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code body} with the fields the registration sets. */
    private static ObjectNode owned(ObjectNode body, Registration registration) {
        body.put("name", registration.name()).put("url", registration.url()).put("enabled", true)
                .put("level", registration.level()).put("secret", registration.secret());
        body.set("eventTypes", QlikJson.mapper().valueToTree(registration.eventTypes()));
        if (registration.description() != null) {
            body.put("description", registration.description());
        }
        if (registration.headers() != null) {
            body.set("encryptedHeaders", QlikJson.mapper().valueToTree(registration.headers()));
        }
        if (registration.filter() != null) {
            body.put("filter", registration.filter());
        }
        if (registration.checkCertificateRevocation() != null) {
            body.put("checkCertificateRevocation", registration.checkCertificateRevocation());
        }
        if (registration.cloudEvents()) {
            body.put("enableCloudEventDelivery", true);
        }
        return body;
    }

    /** The names of the webhook's encrypted headers (Qlik returns names only). */
    private static Set<String> encryptedHeaderNames(JsonNode webhook) {
        Set<String> names = new LinkedHashSet<>();
        webhook.path("encryptedHeaders").forEach(name -> names.add(name.asText()));
        return names;
    }

    private HttpResult send(String method, String path, String action, Registration registration, byte[] body) {
        HttpResult result;
        try {
            result = api.send(method, path, body);
        } catch (QlikApiException e) {
            throw refused(action, registration, e.getStatus(), e.getMessage(), e);
        }
        if (!result.ok()) {
            throw refused(action, registration, result.status(), result.errorSummary(), null);
        }
        return result;
    }

    /** After creating: when another replica created one too, the first created stays and this one goes. */
    private String converge(Registration registration, String created) {
        String winner = oldest(find(registration.name(), registration.url()));
        if (winner != null && !winner.equals(created)) {
            unregister(created);
            return winner;
        }
        return created;
    }

    /** The id of the webhook created first (then the smallest id), or null for none. */
    private static String oldest(List<JsonNode> webhooks) {
        return webhooks.stream()
                .min(Comparator.comparing(WebhookRegistrar::createdAt).thenComparing(WebhookRegistrar::id))
                .map(WebhookRegistrar::id).orElse(null);
    }

    private QlikApiException refused(String action, Registration registration, int status, String reason,
                                     Throwable cause) {
        return new QlikApiException("Qlik refused to " + action + " webhook '" + registration.name() + "' for "
                                    + registration.url() + " on tenant " + api.host() + ": HTTP " + status
                                    + " (" + reason + ")" + hint(status, registration),
                status, cause);
    }

    /**
     * The types to subscribe to: those of {@code wanted} that Qlik offers for webhooks at {@code level} on this tenant
     * ({@code GET /api/v1/webhooks/event-types}, whose {@code levels} say tenant, user or both); the others can only
     * be polled.
     *
     * @param  wanted                the types the endpoint wants
     * @param  named                 the types the user named: each must be offered
     * @param  endpoint              the endpoint, for the message
     * @param  level                 the webhook's level, tenant or user
     * @throws IllegalStateException when a named type, or every wanted type, is not offered at that level
     */
    public Set<String> offered(Set<String> wanted, Set<String> named, String endpoint, String level) {
        Map<String, Set<String>> levels = new LinkedHashMap<>();
        api.forEachItem(WEBHOOKS + "/event-types", "Listing the webhook event types", type -> {
            Set<String> typeLevels = new LinkedHashSet<>();
            type.path("levels").forEach(typeLevel -> typeLevels.add(typeLevel.asText()));
            levels.put(type.path("name").asText(), typeLevels);
        });
        Set<String> offered = new LinkedHashSet<>();
        levels.forEach((type, typeLevels) -> {
            if (typeLevels.isEmpty() || typeLevels.contains(level)) {
                offered.add(type);
            }
        });
        Set<String> subscribable = new LinkedHashSet<>(wanted);
        subscribable.retainAll(offered);
        Set<String> missing = new LinkedHashSet<>(named);
        missing.removeAll(offered);
        if (subscribable.isEmpty() && missing.isEmpty()) {
            missing.addAll(wanted);
        }
        if (!missing.isEmpty()) {
            List<String> otherLevel = missing.stream().filter(levels::containsKey)
                    .map(type -> type + " (levels " + levels.get(type) + ")").toList();
            throw new IllegalStateException("Qlik offers no webhook for event type(s) " + missing + " at level "
                                            + level + " on tenant " + api.host() + " (GET " + WEBHOOKS
                                            + "/event-types): " + (otherLevel.isEmpty() ? ""
                                                    : "offered at another level only: " + otherLevel
                                                      + "; set webhookLevel, or ")
                                            + "receive them by polling, from(\"" + endpoint + "\") without webhook:");
        }
        return subscribable;
    }

    /** What Qlik says of a registered webhook: whether it delivers, and why not. */
    public record WebhookState(boolean enabled, String disabledReason, String disabledReasonCode) {
    }

    /** The state of the webhook on the tenant; {@code null} when it no longer exists. */
    public WebhookState state(String id) {
        HttpResult result = api.send("GET", WEBHOOKS + "/" + id, null);
        if (result.status() == 404) {
            return null;
        }
        JsonNode webhook = api.json(result, "Reading webhook " + id);
        return new WebhookState(webhook.path("enabled").asBoolean(true), webhook.path("disabledReason").asText(null),
                webhook.path("disabledReasonCode").asText(null));
    }

    /** Enables the webhook again (a JSON Patch of {@code enabled}), after Qlik disabled it. */
    public void enable(String id) {
        ArrayNode patch = QlikJson.mapper().createArrayNode();
        operation(patch, "replace", "/enabled", true);
        api.requireOk(api.send("PATCH", WEBHOOKS + "/" + id, patch.toString().getBytes(StandardCharsets.UTF_8)),
                "Enabling webhook " + id + " again");
    }

    /** Deletes the webhook; a webhook already gone is fine. */
    public void unregister(String id) {
        HttpResult result = api.send("DELETE", WEBHOOKS + "/" + id, null);
        if (result.status() != 404) {
            api.requireOk(result, "Deleting webhook " + id);
        }
    }

    /** The webhooks with this name and URL. */
    private List<JsonNode> find(String name, String url) {
        List<JsonNode> same = new ArrayList<>();
        api.forEachItem(WEBHOOKS + "?limit=100", "Listing webhooks", webhook -> {
            if (name.equals(webhook.path("name").asText()) && url.equals(webhook.path("url").asText())) {
                same.add(webhook);
            }
        });
        return same;
    }

    private static String id(JsonNode webhook) {
        return webhook.path("id").asText();
    }

    private static Instant createdAt(JsonNode webhook) {
        try {
            return Instant.parse(webhook.path("createdAt").asText());
        } catch (DateTimeParseException e) {
            return Instant.MAX;
        }
    }

    private static String hint(int status, Registration registration) {
        return switch (status) {
            case 403 -> ": Qlik allows 100 webhooks per tenant and 150 per user, and the credentials need the right"
                        + " to manage webhooks";
            case 400 -> ": Qlik wants an https URL on a DNS name (set webhookExternalUrl), a secret of 32 to 64"
                        + " characters" + (registration.filter() == null ? ""
                                : " and a valid webhookFilter (SCIM style: id, spaceId or topLevelResourceId,"
                                  + " eq or ne, a value in double quotes, joined by and/or)")
                        + (registration.headers() == null ? "" : ", and webhookHeaders of at most 2,048 bytes");
            default -> "";
        };
    }
}
