package io.github.qlikevents.camel.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.qlikevents.camel.http.HttpResult;
import io.github.qlikevents.camel.http.QlikApiClient;

/**
 * Qlik's webhooks API of one tenant as JSON: lists read page by page along {@code links.next}, every refusal an
 * exception that names what was asked, the tenant and Qlik's answer, and Qlik's 429s waited out for at most
 * {@link #RATE_LIMIT_BUDGET} per call (5xx are retried as on every call).
 */
final class WebhooksApi {

    static final String WEBHOOKS = "/api/v1/webhooks";
    /** How long a webhooks call waits out Qlik's 429s in all: a route's start waits for registration. */
    static final Duration RATE_LIMIT_BUDGET = Duration.ofMinutes(2);

    private final QlikApiClient api;

    WebhooksApi(QlikApiClient api) {
        this.api = api;
    }

    /** The tenant's host, for messages. */
    String host() {
        return api.tenant().host();
    }

    /** Sends a request to a path of the tenant; the caller judges the result. */
    HttpResult send(String method, String path, byte[] body) {
        return api.send(method, api.tenant().resolve(path), body, RATE_LIMIT_BUDGET);
    }

    /** Gives every item of every page of the list at {@code path} to {@code item}. */
    void forEachItem(String path, String what, Consumer<JsonNode> item) {
        URI page = api.tenant().resolve(path);
        while (page != null) {
            JsonNode list = json(api.send("GET", page, null, RATE_LIMIT_BUDGET), what);
            list.path("data").forEach(item);
            String next = list.path("links").path("next").path("href").asText(null);
            page = next == null ? null : api.tenant().follow(next);
        }
    }

    /** The JSON of a 2xx result; otherwise an exception naming {@code what} and Qlik's answer. */
    JsonNode json(HttpResult result, String what) {
        return api.json(result, what);
    }

    /** Nothing when the result is 2xx; otherwise an exception naming {@code what} and Qlik's answer. */
    void requireOk(HttpResult result, String what) {
        api.requireOk(result, what);
    }
}
