package io.github.qlikevents.camel.webhook;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
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
 */
public final class WebhookRegistrar {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRegistrar.class);

    private static final String WEBHOOKS = "/api/v1/webhooks";

    private final QlikApiClient api;

    public WebhookRegistrar(QlikApiClient api) {
        this.api = api;
    }

    /**
     * What to register.
     *
     * @param name          the webhook name
     * @param url           the external URL Qlik posts to
     * @param eventTypes    the event types
     * @param secret        the signing secret
     * @param level         tenant or user
     * @param cloudEvents   whether to turn on CloudEvents delivery
     */
    public record Registration(String name, String url, Collection<String> eventTypes, String secret, String level,
                               boolean cloudEvents) {

        @Override
        public String toString() {
            return "Registration[name=" + name + ", url=" + url + ", eventTypes=" + eventTypes + ", secret=***]";
        }
    }

    /** Creates or updates the webhook; returns its id. */
    public String register(Registration registration) {
        byte[] body = body(registration);
        List<JsonNode> same = find(registration.name(), registration.url());
        String existing = same.isEmpty() ? null : oldest(same);
        String action = existing == null ? "create" : "update";
        same.stream().filter(webhook -> webhook.path("id").asText().equals(existing)
                                        && !webhook.path("enabled").asBoolean(true))
                .forEach(webhook -> LOG.warn("Qlik had disabled webhook {}: {} ({}); registering enables it again",
                        existing, webhook.path("disabledReason").asText(null),
                        webhook.path("disabledReasonCode").asText(null)));
        HttpResult result;
        try {
            result = existing == null
                    ? api.send("POST", api.tenant().resolve(WEBHOOKS), body)
                    : api.send("PUT", api.tenant().resolve(WEBHOOKS + "/" + existing), body);
        } catch (QlikApiException e) {
            throw refused(action, registration, e.getStatus(), e.getMessage(), e);
        }
        if (!result.ok()) {
            throw refused(action, registration, result.status(), result.errorSummary(), null);
        }
        return existing != null ? existing : converge(registration, field(result, "id"));
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
                .min(Comparator.comparing(WebhookRegistrar::createdAt).thenComparing(w -> w.path("id").asText()))
                .map(w -> w.path("id").asText()).orElse(null);
    }

    private QlikApiException refused(String action, Registration registration, int status, String reason,
                                     Throwable cause) {
        return new QlikApiException("Qlik refused to " + action + " webhook '" + registration.name() + "' for "
                                    + registration.url() + " on tenant " + api.tenant().host() + ": HTTP " + status
                                    + " (" + reason + ")" + hint(status),
                status, cause);
    }

    /**
     * The types to subscribe to: those of {@code wanted} that Qlik offers for webhooks on this tenant
     * ({@code GET /api/v1/webhooks/event-types}); the others can only be polled.
     *
     * @param  wanted                the types the endpoint wants
     * @param  named                 the types the user named: each must be offered
     * @param  endpoint              the endpoint, for the message
     * @throws IllegalStateException when a named type, or every wanted type, is not offered
     */
    public Set<String> offered(Set<String> wanted, Set<String> named, String endpoint) {
        Set<String> offered = new LinkedHashSet<>();
        URI page = api.tenant().resolve(WEBHOOKS + "/event-types");
        while (page != null) {
            JsonNode list = tree(get(page, "Listing the webhook event types"));
            list.path("data").forEach(type -> offered.add(type.path("name").asText()));
            page = next(list);
        }
        Set<String> subscribable = new LinkedHashSet<>(wanted);
        subscribable.retainAll(offered);
        Set<String> missing = new LinkedHashSet<>(named);
        missing.removeAll(offered);
        if (subscribable.isEmpty() && missing.isEmpty()) {
            missing.addAll(wanted);
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Qlik offers no webhook for event type(s) " + missing + " on tenant "
                                            + api.tenant().host() + " (GET " + WEBHOOKS + "/event-types): receive"
                                            + " them by polling, from(\"" + endpoint + "\") without webhook:");
        }
        return subscribable;
    }

    /** What Qlik says of a registered webhook: whether it delivers, and why not. */
    public record WebhookState(boolean enabled, String disabledReason, String disabledReasonCode) {
    }

    /** The state of the webhook on the tenant; {@code null} when it no longer exists. */
    public WebhookState state(String id) {
        HttpResult result = api.send("GET", api.tenant().resolve(WEBHOOKS + "/" + id), null);
        if (result.status() == 404) {
            return null;
        }
        JsonNode webhook = tree(get(result, "Reading webhook " + id));
        return new WebhookState(webhook.path("enabled").asBoolean(true), webhook.path("disabledReason").asText(null),
                webhook.path("disabledReasonCode").asText(null));
    }

    /** Enables the webhook again (a JSON Patch of {@code enabled}), after Qlik disabled it. */
    public void enable(String id) {
        byte[] patch = "[{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":true}]"
                .getBytes(StandardCharsets.UTF_8);
        HttpResult result = api.send("PATCH", api.tenant().resolve(WEBHOOKS + "/" + id), patch);
        if (!result.ok()) {
            throw new QlikApiException("Qlik refused to enable webhook " + id + " again on tenant "
                                       + api.tenant().host() + ": HTTP " + result.status() + " ("
                                       + result.errorSummary() + ")", result.status(), null);
        }
    }

    /** Deletes the webhook; a webhook already gone is fine. */
    public void unregister(String id) {
        HttpResult result = api.send("DELETE", api.tenant().resolve(WEBHOOKS + "/" + id), null);
        if (!result.ok() && result.status() != 404) {
            throw new QlikApiException("Qlik refused to delete webhook " + id + " on tenant " + api.tenant().host()
                                       + ": HTTP " + result.status() + " (" + result.errorSummary() + ")",
                    result.status(), null);
        }
    }

    /** The webhooks with this name and URL. */
    private List<JsonNode> find(String name, String url) {
        List<JsonNode> same = new ArrayList<>();
        URI page = api.tenant().resolve(WEBHOOKS + "?limit=100");
        while (page != null) {
            JsonNode list = tree(get(page, "Listing webhooks"));
            for (JsonNode webhook : list.path("data")) {
                if (name.equals(webhook.path("name").asText()) && url.equals(webhook.path("url").asText())) {
                    same.add(webhook);
                }
            }
            page = next(list);
        }
        return same;
    }

    private HttpResult get(URI page, String what) {
        return get(api.send("GET", page, null), what);
    }

    private HttpResult get(HttpResult result, String what) {
        if (!result.ok()) {
            throw new QlikApiException(what + " on tenant " + api.tenant().host() + " failed: HTTP "
                                       + result.status() + " (" + result.errorSummary() + ")",
                    result.status(), null);
        }
        return result;
    }

    private URI next(JsonNode list) {
        String next = list.path("links").path("next").path("href").asText(null);
        return next == null ? null : api.tenant().follow(next);
    }

    private static Instant createdAt(JsonNode webhook) {
        try {
            return Instant.parse(webhook.path("createdAt").asText());
        } catch (DateTimeParseException e) {
            return Instant.MAX;
        }
    }

    private static byte[] body(Registration registration) {
        ObjectNode body = QlikJson.mapper().createObjectNode()
                .put("name", registration.name())
                .put("url", registration.url())
                .put("description", "Camel qlik-events webhook")
                .put("enabled", true)
                .put("level", registration.level())
                .put("secret", registration.secret());
        registration.eventTypes().forEach(body.putArray("eventTypes")::add);
        if (registration.cloudEvents()) {
            body.put("enableCloudEventDelivery", true);
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String hint(int status) {
        return switch (status) {
            case 403 -> ": Qlik allows 100 webhooks per tenant and 150 per user, and the credentials need the right"
                        + " to manage webhooks";
            case 400 -> ": Qlik wants an https URL on a DNS name (set webhookExternalUrl) and a secret of 32 to 64"
                        + " characters";
            default -> "";
        };
    }

    private static JsonNode tree(HttpResult result) {
        try {
            return QlikJson.mapper().readTree(result.body());
        } catch (IOException e) {
            throw new QlikApiException("Webhook response of tenant is not JSON", result.status(), e);
        }
    }

    private static String field(HttpResult result, String name) {
        String value = tree(result).path(name).asText(null);
        if (value == null) {
            throw new QlikApiException("Webhook response has no " + name, result.status(), null);
        }
        return value;
    }
}
