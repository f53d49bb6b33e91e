package io.github.qlikevents.camel.http;

import java.util.concurrent.CompletableFuture;

/** Where the bearer token of API calls comes from. */
public interface BearerAuth {

    /** The token to send now. */
    String token();

    /** {@link #token()} without waiting for a token request; this default calls {@link #token()}. */
    default CompletableFuture<String> tokenAsync() {
        return CompletableFuture.completedFuture(token());
    }

    /** Forgets a token the tenant refused, so the next {@link #token()} gets a fresh one where it can. */
    void invalidate();

    /**
     * Who Qlik counts the requests against (its rate limit is per user and tenant), never the secret itself: a hash
     * of an API key, the id of an OAuth2 client.
     */
    String principal();
}
