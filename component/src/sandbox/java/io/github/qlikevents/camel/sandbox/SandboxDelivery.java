package io.github.qlikevents.camel.sandbox;

import java.time.Instant;

/**
 * One delivery attempt of an event to a webhook.
 *
 * @param webhookId the webhook
 * @param eventId   the event
 * @param attempt   1 for the first attempt
 * @param status    the HTTP status answered, or 0 when the request failed (refused, timed out)
 * @param at        when the attempt ended
 */
public record SandboxDelivery(String webhookId, String eventId, int attempt, int status, Instant at) {

    /** True when the receiver answered 2xx. */
    public boolean succeeded() {
        return status >= 200 && status < 300;
    }
}
