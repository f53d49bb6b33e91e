package io.github.qlikevents.camel.http;

/** Where the bearer token of API calls comes from. */
public interface BearerAuth {

    /** The token to send now. */
    String token();

    /** Forgets a token the tenant refused, so the next {@link #token()} gets a fresh one where it can. */
    void invalidate();

    /**
     * Who Qlik counts the requests against (its rate limit is per user and tenant), never the secret itself: a hash
     * of an API key, the id of an OAuth2 client.
     */
    String principal();
}
