package io.github.qlikevents.camel.sandbox;

import java.time.Instant;
import java.util.Map;

/**
 * One delivery attempt of an event to a webhook.
 *
 * @param id             the delivery (its attempts share it; a resend is a new delivery)
 * @param webhookId      the webhook
 * @param eventId        the event
 * @param eventType      the event's type
 * @param attempt        1 for the first attempt
 * @param status         the HTTP status answered, or 0 when the request failed (refused, timed out)
 * @param at             when the attempt ended
 * @param requestHeaders the headers sent (the API shows encrypted header values as {@code **OMITTED**})
 */
public record SandboxDelivery(String id, String webhookId, String eventId, String eventType, int attempt, int status,
                              Instant at, Map<String, String> requestHeaders) {

    /** True when the receiver answered 2xx. */
    public boolean succeeded() {
        return status >= 200 && status < 300;
    }
}
