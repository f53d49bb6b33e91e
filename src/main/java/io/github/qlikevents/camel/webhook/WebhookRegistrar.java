package io.github.qlikevents.camel.webhook;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.qlikevents.camel.decoding.QlikJson;
import io.github.qlikevents.camel.http.HttpResult;
import io.github.qlikevents.camel.http.QlikApiClient;
import io.github.qlikevents.camel.http.QlikApiException;

/**
 * Registers the Qlik webhook of an endpoint: reuses (and updates) one with the same name and URL rather than adding
 * another (a crashed instance must not leave a growing pile; Qlik allows 100 per tenant), else creates it.
 */
public final class WebhookRegistrar {

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
        String existing = find(registration.name(), registration.url());
        String action = existing == null ? "create" : "update";
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
        return existing != null ? existing : field(result, "id");
    }

    private QlikApiException refused(String action, Registration registration, int status, String reason,
                                     Throwable cause) {
        return new QlikApiException("Qlik refused to " + action + " webhook '" + registration.name() + "' for "
                                    + registration.url() + " on tenant " + api.tenant().host() + ": HTTP " + status
                                    + " (" + reason + ")" + hint(status),
                status, cause);
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

    /** The id of the webhook with this name and URL, or null. */
    private String find(String name, String url) {
        URI page = api.tenant().resolve(WEBHOOKS + "?limit=100");
        while (page != null) {
            HttpResult result = api.send("GET", page, null);
            if (!result.ok()) {
                throw new QlikApiException("Listing webhooks on tenant " + api.tenant().host() + " failed: HTTP "
                                           + result.status() + " (" + result.errorSummary() + ")",
                        result.status(), null);
            }
            JsonNode list = tree(result);
            for (JsonNode webhook : list.path("data")) {
                if (name.equals(webhook.path("name").asText()) && url.equals(webhook.path("url").asText())) {
                    return webhook.path("id").asText();
                }
            }
            String next = list.path("links").path("next").path("href").asText(null);
            page = next == null ? null : api.tenant().follow(next);
        }
        return null;
    }

    private static byte[] body(Registration registration) {
        ObjectNode body = QlikJson.mapper().createObjectNode()
                .put("name", registration.name())
                .put("url", registration.url())
                .put("description", "Camel qlik-license-events webhook")
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
