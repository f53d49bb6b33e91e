package io.github.qlikevents.camel.http;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.qlikevents.camel.decoding.QlikJson;

/**
 * A response from the tenant.
 *
 * @param status     the HTTP status
 * @param retryAfter the {@code Retry-After} header, or null
 * @param body       the body
 */
public record HttpResult(int status, String retryAfter, byte[] body) {

    /** True for 2xx. */
    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** Qlik's error title and detail from an error body, or a short excerpt of a body that is not Qlik's. */
    public String errorSummary() {
        try {
            JsonNode error = QlikJson.mapper().readTree(body).path("errors").path(0);
            if (!error.isMissingNode()) {
                return error.path("title").asText("") + (error.has("detail") ? ": " + error.get("detail").asText() : "");
            }
        } catch (Exception e) {
            // not JSON: fall through to an excerpt
        }
        String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
        return text.isBlank() ? "(no body)" : text;
    }
}
