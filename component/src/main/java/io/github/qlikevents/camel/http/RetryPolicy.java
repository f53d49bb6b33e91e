package io.github.qlikevents.camel.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before trying a request again: exponential backoff with jitter for server errors and timeouts,
 * Qlik's {@code Retry-After} for 429.
 *
 * @param maxRetries   how many times a request failing with 5xx, a timeout or a connection error is retried
 * @param initialDelay the first backoff; each further retry doubles it, up to {@code maxDelay}
 * @param maxDelay     the longest backoff
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay) {

    /** The backoff before retry number {@code attempt} (0-based): half to all of the doubled delay. */
    public Duration backoff(int attempt) {
        long doubled = initialDelay.toMillis() << Math.min(attempt, 20);
        long capped = Math.min(doubled, maxDelay.toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    /** The wait after a 429: the Retry-After seconds when given, else the backoff for {@code attempt}. */
    public Duration afterRateLimit(String retryAfter, int attempt) {
        if (retryAfter != null) {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.trim())));
            } catch (NumberFormatException e) {
                // an HTTP date or garbage: fall back to our own backoff
            }
        }
        return backoff(attempt);
    }
}
