package io.github.qlikevents.camel.sandbox;

import java.time.Duration;
import java.util.EnumSet;

/**
 * A misbehaviour the sandbox shows, like Qlik does under load or when it is broken: on Audits API list and archive
 * requests by default, or on another family of the API ({@link #on(Target)}: rate limits, server errors and slow
 * answers there).
 *
 * @param kind     what goes wrong
 * @param requests for how many requests of its target
 * @param status   the HTTP status, for {@link Kind#RATE_LIMIT} and {@link Kind#SERVER_ERROR}
 * @param delay    the Retry-After (rate limit, null: no header) or the response delay (slow)
 * @param target   the requests it applies to
 */
public record Fault(Kind kind, int requests, int status, Duration delay, Target target) {

    /** The families of requests a fault applies to. */
    public enum Target {
        /** Audits API list and archive requests. */
        AUDITS,
        /** The webhooks API: list, create, read, update, delete, event types. */
        WEBHOOKS,
        /** A webhook's deliveries: list, read, resend. */
        DELIVERIES,
        /** {@code POST /oauth/token}. */
        TOKEN
    }

    public Fault(Kind kind, int requests, int status, Duration delay) {
        this(kind, requests, status, delay, Target.AUDITS);
    }

    /** This fault on {@code target}'s requests instead; only rate limits, server errors and slowness apply there. */
    public Fault on(Target target) {
        if (target != Target.AUDITS && !EnumSet.of(Kind.RATE_LIMIT, Kind.SERVER_ERROR, Kind.SLOW)
                .contains(kind)) {
            throw new IllegalArgumentException(kind + " applies to Audits API pages only");
        }
        return new Fault(kind, requests, status, delay, target);
    }

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
