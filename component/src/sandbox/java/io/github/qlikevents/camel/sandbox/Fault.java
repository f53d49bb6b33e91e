package io.github.qlikevents.camel.sandbox;

import java.time.Duration;

/**
 * A misbehaviour the sandbox shows on Audits API list and archive requests, like Qlik does under load or when it is
 * broken.
 *
 * @param kind     what goes wrong
 * @param requests for how many list requests
 * @param status   the HTTP status, for {@link Kind#RATE_LIMIT} and {@link Kind#SERVER_ERROR}
 * @param delay    the Retry-After (rate limit, null: no header) or the response delay (slow)
 */
public record Fault(Kind kind, int requests, int status, Duration delay) {

    /** The kinds of misbehaviour. */
    public enum Kind {
        /** 429 with Qlik's error body and, when a delay is given, {@code Retry-After} in seconds. */
        RATE_LIMIT,
        /** A 5xx response. */
        SERVER_ERROR,
        /** The response is sent only after the delay. */
        SLOW,
        /** The page is cut off mid-JSON. */
        MALFORMED_PAGE,
        /** The page's {@code next} link points to another origin. */
        FOREIGN_NEXT_LINK,
        /** A 302 redirect to another origin. */
        FOREIGN_REDIRECT
    }

    /** 429 for {@code requests} list requests, with {@code Retry-After} seconds (null for none). */
    public static Fault rateLimit(int requests, Duration retryAfter) {
        return new Fault(Kind.RATE_LIMIT, requests, 429, retryAfter);
    }

    /** A 5xx status for {@code requests} list requests. */
    public static Fault serverError(int requests, int status) {
        return new Fault(Kind.SERVER_ERROR, requests, status, null);
    }

    /** Responses delayed by {@code delay} for {@code requests} list requests. */
    public static Fault slow(int requests, Duration delay) {
        return new Fault(Kind.SLOW, requests, 200, delay);
    }

    /** Truncated JSON for {@code requests} list requests. */
    public static Fault malformedPage(int requests) {
        return new Fault(Kind.MALFORMED_PAGE, requests, 200, null);
    }

    /** A 302 to another origin for {@code requests} list requests. */
    public static Fault foreignRedirect(int requests) {
        return new Fault(Kind.FOREIGN_REDIRECT, requests, 302, null);
    }

    /** A {@code next} link to another origin for {@code requests} list requests. */
    public static Fault foreignNextLink(int requests) {
        return new Fault(Kind.FOREIGN_NEXT_LINK, requests, 200, null);
    }
}
