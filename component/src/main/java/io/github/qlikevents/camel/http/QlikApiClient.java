package io.github.qlikevents.camel.http;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.qlikevents.camel.decoding.QlikJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the tenant's API with the bearer token, and handles what Qlik answers: a 401 refreshes the token once; 429
 * waits {@code Retry-After}; 5xx, timeouts and connection errors back off and retry a bounded number of times. Only
 * URIs of the tenant's own origin are called. Thread-safe.
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
        return execute(method, uri, true, rateLimitBudget, token -> http.execute(method, uri, token, jsonBody));
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
        return execute("GET", uri, true, null, token -> http.download(uri, token, file));
    }

    /** A request without the bearer token (the token request itself). */
    HttpResult sendUnauthenticated(String method, URI uri, byte[] jsonBody) {
        return execute(method, uri, false, null, token -> http.execute(method, uri, null, jsonBody));
    }

    /** One call of the transport with the bearer token (null when unauthenticated). */
    @FunctionalInterface
    private interface TransportCall {
        HttpResult call(String bearerToken) throws IOException;
    }

    private HttpResult execute(String method, URI uri, boolean authenticated, Duration rateLimitBudget,
                               TransportCall call) {
        if (!tenant.sameOrigin(uri)) {
            throw new QlikApiException("Refused to call " + uri.getScheme() + "://" + uri.getHost()
                                       + ": only tenant " + tenant.host() + " is ever called", 0, null);
        }
        String what = method + " " + uri.getPath();
        RateTier tier = RateTier.of(method, uri);
        int failures = 0;
        int throttles = 0;
        Duration throttled = Duration.ZERO;
        boolean refreshed = false;
        while (true) {
            HttpResult result;
            try {
                keepWithin(tierWindows.get(tier), tier.perMinute(), "Qlik limit of " + tier, what);
                keepWithin(window, maxRequestsPerMinute, "request cap (maxRequestsPerMinute)", what);
                result = call.call(authenticated ? auth.token() : null);
            } catch (IOException e) {
                if (failures >= retry.maxRetries()) {
                    throw new QlikApiException(what + " on tenant " + tenant.host() + " failed after "
                                               + (failures + 1) + " attempts: " + e.getClass().getSimpleName() + ": "
                                               + e.getMessage(), 0, e);
                }
                backoff(retry.backoff(failures++), what + " failed (" + e.getClass().getSimpleName() + ")");
                continue;
            }
            int status = result.status();
            if (status == 401 && authenticated && !refreshed) {
                auth.invalidate();
                refreshed = true;
            } else if (status == 401 || status == 403) {
                throw new QlikAuthenticationException(what + " on tenant " + tenant.host() + " was refused with HTTP "
                                                      + status + " (" + result.errorSummary() + "): check the "
                                                      + (status == 401 ? "credentials (apiKey or clientId/clientSecret)"
                                                              : "permissions of the API key or OAuth client"),
                        status);
            } else if (status == 429) {
                Duration wait = retry.afterRateLimit(result.retryAfter(), throttles++);
                throttled = throttled.plus(wait);
                if (rateLimitBudget != null && throttled.compareTo(rateLimitBudget) > 0) {
                    throw new QlikApiException(what + " on tenant " + tenant.host() + " is still rate limited (HTTP"
                                               + " 429, " + result.errorSummary() + ") after waiting "
                                               + throttled.minus(wait).toSeconds() + " s; Retry-After asks "
                                               + wait.toSeconds() + " s more, beyond the " + rateLimitBudget.toSeconds()
                                               + " s this call waits", 429, null);
                }
                throttledWaits.incrementAndGet();
                throttledMillis.addAndGet(wait.toMillis());
                LOG.info("Tenant {} rate limit reached on {}: waiting {} ms as asked", tenant.host(), what,
                        wait.toMillis());
                pause.sleep(wait, what + " rate limited");
            } else if (status >= 500) {
                if (failures >= retry.maxRetries()) {
                    throw new QlikApiException(what + " on tenant " + tenant.host() + " failed with HTTP " + status
                                               + " after " + (failures + 1) + " attempts: " + result.errorSummary(),
                            status, null);
                }
                backoff(retry.backoff(failures++), what + " answered HTTP " + status);
            } else {
                return result;
            }
        }
    }

    /**
     * Counts the request about to be sent in {@code window}, first waiting while one more would exceed {@code cap} a
     * minute there; {@code limit} names the limit for the log.
     */
    private void keepWithin(RequestWindow window, int cap, String limit, String what) {
        Duration wait;
        while (!(wait = window.reserve(cap)).isZero()) {
            if (cappedWaits.incrementAndGet() % CAP_LOG_EVERY == 1) {
                LOG.info("The {} of {} requests a minute is reached on tenant {}: waiting {} ms before {} ({} waits"
                         + " so far)", limit, cap, tenant.host(), wait.toMillis(), what, cappedWaits.get());
            }
            cappedMillis.addAndGet(wait.toMillis());
            pause.sleep(wait, what + " waiting for the " + limit);
        }
    }

    private void backoff(Duration wait, String reason) {
        retries.incrementAndGet();
        LOG.debug("{} on tenant {}: retrying in {} ms", reason, tenant.host(), wait.toMillis());
        pause.sleep(wait, reason);
    }

    /** Ends any wait in progress and makes further waits fail at once (the consumer is stopping). */
    public void cancelWaits() {
        pause.cancel();
    }

    /** Allows waits again after {@link #cancelWaits()}. */
    public void allowWaits() {
        pause.reset();
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
