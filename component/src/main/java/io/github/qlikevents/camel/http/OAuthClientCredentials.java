package io.github.qlikevents.camel.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.qlikevents.camel.decoding.QlikJson;

/**
 * Qlik OAuth2 machine-to-machine tokens ({@code POST /oauth/token}, client credentials): cached, refreshed a minute
 * before expiry, and on demand after a 401. The expiry is the earlier of {@code expires_at} (an ISO-8601 instant or
 * epoch seconds) and now plus {@code expires_in}, whichever the response has; an {@code expires_at} that this JVM's
 * clock already sees as past (a clock ahead of Qlik's) is left aside, so a skewed clock never makes every request fetch
 * a token; with neither, Qlik's documented lifetime of 6 hours. Requests that need a token while one is being fetched
 * wait for that one, holding no thread.
 */
public final class OAuthClientCredentials implements BearerAuth {

    private static final Duration REFRESH_MARGIN = Duration.ofMinutes(1);
    /** Qlik's token lifetime, when the response says none. */
    private static final Duration DEFAULT_LIFETIME = Duration.ofHours(6);

    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private QlikApiClient api;
    private String token;
    private Instant refreshAt = Instant.MIN;
    /** The token request under way, if one is. */
    private CompletableFuture<String> request;

    public OAuthClientCredentials(String clientId, String clientSecret, Clock clock) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    /** The client that sends the token requests (it uses this object for every other request). */
    void bind(QlikApiClient api) {
        this.api = api;
    }

    @Override
    public String token() {
        return Futures.await(tokenAsync());
    }

    /** The cached token, or the answer of the token request under way, or of a new one. */
    @Override
    public synchronized CompletableFuture<String> tokenAsync() {
        if (token != null && clock.instant().isBefore(refreshAt)) {
            return CompletableFuture.completedFuture(token);
        }
        if (request == null) {
            CompletableFuture<String> fetching = fetch();
            request = fetching.isDone() ? null : fetching;
            fetching.whenComplete((fetched, error) -> forgetRequest(fetching));
            return fetching;
        }
        return request;
    }

    @Override
    public synchronized void invalidate() {
        token = null;
    }

    private synchronized void forgetRequest(CompletableFuture<String> done) {
        if (request == done) {
            request = null;
        }
    }

    private CompletableFuture<String> fetch() {
        ObjectNode body = QlikJson.mapper().createObjectNode().put("client_id", clientId)
                .put("client_secret", clientSecret).put("grant_type", "client_credentials");
        return api.sendUnauthenticated("POST", api.tenant().resolve("/oauth/token"),
                body.toString().getBytes(StandardCharsets.UTF_8)).thenApply(this::accept);
    }

    /** Keeps the token of a token response, or says why there is none. */
    private String accept(HttpResult result) {
        if (!result.ok()) {
            throw new QlikAuthenticationException("OAuth token request for client " + clientId + " to tenant "
                                                  + api.tenant().host() + " failed with HTTP " + result.status()
                                                  + " (" + result.errorSummary()
                                                  + "): check clientId and clientSecret", result.status());
        }
        try {
            JsonNode body = QlikJson.mapper().readTree(result.body());
            String accessToken = body.path("access_token").asText(null);
            if (accessToken == null) {
                throw new QlikAuthenticationException("OAuth token response of tenant " + api.tenant().host()
                                                      + " has no access_token", result.status());
            }
            synchronized (this) {
                token = accessToken;
                refreshAt = expiry(body, clock.instant()).minus(REFRESH_MARGIN);
            }
            return accessToken;
        } catch (IOException e) {
            throw new QlikApiException("OAuth token response of tenant " + api.tenant().host() + " is not JSON",
                    result.status(), e);
        }
    }

    /** When the token of this response expires, as the class comment says. */
    static Instant expiry(JsonNode body, Instant now) {
        Instant byLifetime = body.path("expires_in").canConvertToLong()
                ? now.plusSeconds(body.path("expires_in").asLong()) : null;
        Instant at = instant(body.path("expires_at"));
        return Stream.of(at != null && at.isAfter(now) ? at : null, byLifetime).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(now.plus(DEFAULT_LIFETIME));
    }

    /** An ISO-8601 instant or epoch seconds; {@code null} when absent or neither. */
    private static Instant instant(JsonNode value) {
        if (value.isIntegralNumber()) {
            return Instant.ofEpochSecond(value.asLong());
        }
        try {
            return value.isTextual() ? Instant.parse(value.asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "OAuthClientCredentials[clientId=" + clientId + ", clientSecret=***]";
    }

    @Override
    public String principal() {
        return "oauth-client:" + clientId;
    }
}
