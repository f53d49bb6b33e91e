package io.github.qlikevents.camel.sandbox;

/**
 * One delivery attempt of an event to a webhook.
 *
 * @param webhookId the webhook
 * @param eventId   the event
 * @param attempt   1 for the first attempt
 * @param status    the HTTP status answered, or 0 when the request failed
 */
public record SandboxDelivery(String webhookId, String eventId, int attempt, int status) {
}
