package io.github.qlikevents.camel.http;

import java.net.URI;

/**
 * Qlik's rate limit tiers, each counted per user and tenant: a request of one tier never waits for another's budget.
 */
enum RateTier {

    /** The Audits API: its own tier, 1,000 requests a minute. */
    AUDITS(1000),
    /** Reads of the other APIs (webhooks, event types, deliveries): Tier 1, 1,000 a minute. */
    TIER_1(1000),
    /** Writes (webhook create, update, delete), delivery resends and token requests: Tier 2, 100 a minute. */
    TIER_2(100);

    private final int perMinute;

    RateTier(int perMinute) {
        this.perMinute = perMinute;
    }

    /** Qlik's limit of this tier, requests a minute. */
    int perMinute() {
        return perMinute;
    }

    /** The tier Qlik counts a request in. */
    static RateTier of(String method, URI uri) {
        if (uri.getPath().startsWith("/api/v1/audits")) {
            return AUDITS;
        }
        return "GET".equals(method) ? TIER_1 : TIER_2;
    }
}
