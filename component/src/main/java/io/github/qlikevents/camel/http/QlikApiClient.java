package io.github.qlikevents.camel.http;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.qlikevents.camel.decoding.QlikJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the tenant's API with the bearer token, and handles what Qlik answers: a 401 refreshes the token once; 429
 * waits {@code Retry-After}; 5xx, timeouts and connection errors back off and retry a bounded number of times. Only
 * URIs of the tenant's own origin are called. Every request runs without holding a thread while it waits (for the
 * answer, a retry, a rate limit or the cap): {@link #sendAsync} gives the future, the other calls wait for it.
 * Thread-safe.
 */
public final class QlikApiClient implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(QlikApiClient.class);
    /** A backlog held back by the cap logs its progress every this many waits, not at every request. */
    private static final int CAP_LOG_EVERY = 20;

    private final TenantUrl tenant;
    private final QlikTransport http;
    private final BearerAuth auth;
    private final RetryPolicy retry;
    private final Pause pause;
    private final int maxRequestsPerMinute;
    private final RequestWindow window;
    private final Map<RateTier, RequestWindow> tierWindows = new EnumMap<>(RateTier.class);
    private final AtomicLong cappedWaits = new AtomicLong();
    private final AtomicLong cappedMillis = new AtomicLong();
    private final AtomicLong throttledWaits = new AtomicLong();
    private final AtomicLong throttledMillis = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    /**
     * @param maxRequestsPerMinute the most requests sent in any minute, retries and token requests included; 0 for no
     *                             cap of our own (Qlik's 429s are still waited out)
     */
    public QlikApiClient(TenantUrl tenant, QlikTransport http, BearerAuth auth, RetryPolicy retry,
                         int maxRequestsPerMinute) {
        this(tenant, http, auth, retry, maxRequestsPerMinute, new Pause(), RequestWindow.of(tenant, auth, null));
        for (RateTier tier : RateTier.values()) {
            tierWindows.put(tier, RequestWindow.of(tenant, auth, tier));
        }
    }

    /** With the pause that waits and a window of its own on a clock (tests record the waits and move the clock). */
    QlikApiClient(TenantUrl tenant, QlikTransport http, BearerAuth auth, RetryPolicy retry, int maxRequestsPerMinute,
                  Pause pause, LongSupplier nanoTime) {
        this(tenant, http, auth, retry, maxRequestsPerMinute, pause, new RequestWindow(nanoTime));
        for (RateTier tier : RateTier.values()) {
            tierWindows.put(tier, new RequestWindow(nanoTime));
        }
    }

    private QlikApiClient(TenantUrl tenant, QlikTransport http, BearerAuth auth, RetryPolicy retry,
                          int maxRequestsPerMinute, Pause pause, RequestWindow window) {
        this.tenant = tenant;
        this.http = http;
        this.auth = auth;
        this.retry = retry;
        this.maxRequestsPerMinute = maxRequestsPerMinute;
        this.pause = pause;
        this.window = window;
        if (auth instanceof OAuthClientCredentials oauth) {
            oauth.bind(this);
        }
    }

    /** The tenant called. */
    public TenantUrl tenant() {
        return tenant;
    }

    /** An authenticated request; the result is 2xx or a 4xx other than 401, 403 and 429 for the caller to judge. */
    public HttpResult send(String method, URI uri, byte[] jsonBody) {
        return send(method, uri, jsonBody, null);
    }

    /**
     * As {@link #send(String, URI, byte[])}, waiting out Qlik's 429s only up to {@code rateLimitBudget} in all (null:
     * as long as Qlik asks), for calls a start waits for; beyond it the call fails naming the status.
     */
    public HttpResult send(String method, URI uri, byte[] jsonBody, Duration rateLimitBudget) {
        return Futures.await(execute(method, uri, true, rateLimitBudget,
                token -> http.executeAsync(method, uri, token, jsonBody)));
    }

    /**
     * {@link #send(String, URI, byte[])} without holding a thread while the tenant answers or a retry, a rate limit or
     * the cap is waited out: the future completes (on the client's I/O or timer thread) with the result, or fails with
     * the exception {@code send} throws.
     */
    public CompletableFuture<HttpResult> sendAsync(String method, URI uri, byte[] jsonBody) {
        return execute(method, uri, true, null, token -> http.executeAsync(method, uri, token, jsonBody));
    }

    /** The JSON of a 2xx result; otherwise an exception naming {@code what}, the tenant and Qlik's answer. */
    public JsonNode json(HttpResult result, String what) {
        requireOk(result, what);
        try {
            return QlikJson.mapper().readTree(result.body());
        } catch (IOException e) {
            throw new QlikApiException(what + " on tenant " + tenant.host() + ": the answer is not JSON",
                    result.status(), e);
        }
    }

    /** Nothing when the result is 2xx; otherwise an exception naming {@code what}, the tenant and Qlik's answer. */
    public void requireOk(HttpResult result, String what) {
        if (!result.ok()) {
            throw new QlikApiException(what + " on tenant " + tenant.host() + " failed: HTTP " + result.status()
                                       + " (" + result.errorSummary() + ")", result.status(), null);
        }
    }

    /**
     * An authenticated GET whose 2xx body is streamed to {@code file} (the result's body is then empty), with the same
     * retries, waits and cap as {@link #send}.
     */
    public HttpResult download(URI uri, Path file) {
        return Futures.await(execute("GET", uri, true, null, token -> http.downloadAsync(uri, token, file)));
    }

    /** A request without the bearer token (the token request itself). */
    CompletableFuture<HttpResult> sendUnauthenticated(String method, URI uri, byte[] jsonBody) {
        return execute(method, uri, false, null, token -> http.executeAsync(method, uri, null, jsonBody));
    }

    /** One call of the transport with the bearer token (null when unauthenticated). */
    @FunctionalInterface
    private interface TransportCall {
        CompletableFuture<HttpResult> call(String bearerToken);
    }

    private CompletableFuture<HttpResult> execute(String method, URI uri, boolean authenticated,
                                                  Duration rateLimitBudget, TransportCall call) {
        if (!tenant.sameOrigin(uri)) {
            return CompletableFuture.failedFuture(new QlikApiException("Refused to call " + uri.getScheme()
                    + "://" + uri.getHost() + ": only tenant " + tenant.host() + " is ever called", 0, null));
        }
        return new Attempts(method + " " + uri.getPath(), RateTier.of(method, uri), authenticated, rateLimitBudget,
                call).next();
    }

    /** One request and its attempts: what failed so far, how long 429s were waited out, whether the token was new. */
    private final class Attempts {
        private final String what;
        private final RateTier tier;
        private final boolean authenticated;
        private final Duration rateLimitBudget;
        private final TransportCall call;
        private int failures;
        private int throttles;
        private Duration throttled = Duration.ZERO;
        private boolean refreshed;

        Attempts(String what, RateTier tier, boolean authenticated, Duration rateLimitBudget, TransportCall call) {
            this.what = what;
            this.tier = tier;
            this.authenticated = authenticated;
            this.rateLimitBudget = rateLimitBudget;
            this.call = call;
        }

        /** Within Qlik's tier limit and the request cap, sends the request and judges the answer. */
        CompletableFuture<HttpResult> next() {
            return keepWithin(tierWindows.get(tier), tier.perMinute(), "Qlik limit of " + tier, what)
                    .thenCompose(counted -> keepWithin(window, maxRequestsPerMinute,
                            "request cap (maxRequestsPerMinute)", what))
                    .thenCompose(counted -> authenticated ? auth.tokenAsync()
                            : CompletableFuture.<String> completedFuture(null))
                    .thenCompose(token -> pause.track(call.call(token), "the answer to " + what))
                    .handle(this::judge)
                    .thenCompose(Function.identity());
        }

        /** The result to return, the exception to fail with, or the next attempt after the wait asked for. */
        private CompletableFuture<HttpResult> judge(HttpResult result, Throwable error) {
            if (error != null) {
                Throwable cause = Futures.cause(error);
                if (!(cause instanceof IOException)) {
                    return CompletableFuture.failedFuture(Futures.unchecked(cause));
                }
                if (failures >= retry.maxRetries()) {
                    return CompletableFuture.failedFuture(new QlikApiException(on() + " failed after " + (failures + 1)
                            + " attempts: " + cause.getClass().getSimpleName() + ": " + cause.getMessage(), 0, cause));
                }
                return backoff(retry.backoff(failures++), what + " failed (" + cause.getClass().getSimpleName() + ")");
            }
            int status = result.status();
            if (status == 401 && authenticated && !refreshed) {
                auth.invalidate();
                refreshed = true;
                return next();
            }
            if (status == 401 || status == 403) {
                String check = status == 401 ? "credentials (apiKey or clientId/clientSecret)"
                        : "permissions of the API key or OAuth client";
                return CompletableFuture.failedFuture(new QlikAuthenticationException(on() + " was refused with HTTP "
                        + status + " (" + result.errorSummary() + "): check the " + check, status));
            }
            if (status == 429) {
                Duration wait = retry.afterRateLimit(result.retryAfter(), throttles++);
                throttled = throttled.plus(wait);
                if (rateLimitBudget != null && throttled.compareTo(rateLimitBudget) > 0) {
                    return CompletableFuture.failedFuture(new QlikApiException(on() + " is still rate limited (HTTP"
                            + " 429, " + result.errorSummary() + ") after waiting " + throttled.minus(wait).toSeconds()
                            + " s; Retry-After asks " + wait.toSeconds() + " s more, beyond the "
                            + rateLimitBudget.toSeconds() + " s this call waits", 429, null));
                }
                throttledWaits.incrementAndGet();
                throttledMillis.addAndGet(wait.toMillis());
                LOG.info("Tenant {} rate limit reached on {}: waiting {} ms as asked", tenant.host(), what,
                        wait.toMillis());
                return pause.after(wait, what + " rate limited by Qlik (HTTP 429): waiting " + wait.toSeconds()
                                         + " s" + (result.retryAfter() != null ? " as Retry-After asks" : ""))
                        .thenCompose(waited -> next());
            }
            if (status >= 500) {
                if (failures >= retry.maxRetries()) {
                    return CompletableFuture.failedFuture(new QlikApiException(on() + " failed with HTTP " + status
                            + " after " + (failures + 1) + " attempts: " + result.errorSummary(), status, null));
                }
                return backoff(retry.backoff(failures++), what + " answered HTTP " + status);
            }
            return CompletableFuture.completedFuture(result);
        }

        /** The request and tenant, as failures name them. */
        private String on() {
            return what + " on tenant " + tenant.host();
        }

        private CompletableFuture<HttpResult> backoff(Duration wait, String reason) {
            retries.incrementAndGet();
            LOG.debug("{} on tenant {}: retrying in {} ms", reason, tenant.host(), wait.toMillis());
            return pause.after(wait, reason).thenCompose(waited -> next());
        }
    }

    /**
     * Counts the request about to be sent in {@code window}, first waiting while one more would exceed {@code cap} a
     * minute there; {@code limit} names the limit for the log.
     */
    private CompletableFuture<Void> keepWithin(RequestWindow window, int cap, String limit, String what) {
        Duration wait = window.reserve(cap);
        if (wait.isZero()) {
            return CompletableFuture.completedFuture(null);
        }
        if (cappedWaits.incrementAndGet() % CAP_LOG_EVERY == 1) {
            LOG.info("The {} of {} requests a minute is reached on tenant {}: waiting {} ms before {} ({} waits"
                     + " so far)", limit, cap, tenant.host(), wait.toMillis(), what, cappedWaits.get());
        }
        cappedMillis.addAndGet(wait.toMillis());
        return pause.after(wait, what + " waiting for the " + limit)
                .thenCompose(waited -> keepWithin(window, cap, limit, what));
    }

    /** Ends any wait in progress and makes further waits fail at once (the consumer is stopping). */
    public void cancelWaits() {
        pause.cancel();
    }

    /** Allows waits again after {@link #cancelWaits()}. */
    public void allowWaits() {
        pause.reset();
    }

    /** What this client's requests wait for now (an answer, a retry, a rate limit, the cap); empty when nothing. */
    public List<String> waitingFor() {
        return pause.waitingFor();
    }

    /** Requests sent in the last minute, retries and token requests included. */
    public int requestsLastMinute() {
        return window.lastMinute();
    }

    /** The cap on requests a minute; 0 for none. */
    public int maxRequestsPerMinute() {
        return maxRequestsPerMinute;
    }

    /** How many times a request waited for the cap. */
    public long cappedWaits() {
        return cappedWaits.get();
    }

    /** How long, in all, requests waited for the cap. */
    public long cappedMillis() {
        return cappedMillis.get();
    }

    /** How many times a 429 was waited out. */
    public long throttledWaits() {
        return throttledWaits.get();
    }

    /** How long, in all, 429s were waited out. */
    public long throttledMillis() {
        return throttledMillis.get();
    }

    /** How many retries after 5xx, timeouts and connection errors. */
    public long retries() {
        return retries.get();
    }

    @Override
    public void close() throws IOException {
        pause.cancel();
        http.close();
    }
}
