package io.github.qlikevents.camel.http;

import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.github.qlikevents.camel.support.FakeTransport;
import io.github.qlikevents.camel.support.RecordingPause;
import io.github.qlikevents.camel.support.SettableClock;
import org.apache.camel.spi.HttpResponseAware;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the API client does with each answer of the tenant, against a fake transport: no server, no sleeping. */
class QlikApiClientTest {

    static final TenantUrl TENANT = TenantUrl.of("https://acme.eu.qlikcloud.com");
    private static final URI AUDITS = TENANT.resolve("/api/v1/audits");
    private static final String KEY = "unit-test-api-key";

    private final FakeTransport api = new FakeTransport();
    private final RecordingPause pause = new RecordingPause();
    private final RetryPolicy retry = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30));

    /** Nanoseconds of a clock that only the waits of {@link #onMovingClock(int)} (and the test) move. */
    private final AtomicLong nanos = new AtomicLong();

    private QlikApiClient client(BearerAuth auth) {
        return new QlikApiClient(TENANT, api, auth, retry, 0, pause, System::nanoTime);
    }

    /** A client capped at {@code cap} a minute whose waits move {@link #nanos} instead of sleeping. */
    private QlikApiClient onMovingClock(int cap) {
        RecordingPause clockMovingPause = new RecordingPause(wait -> nanos.addAndGet(wait.toNanos()));
        return new QlikApiClient(TENANT, api, new ApiKeyAuth(KEY), retry, cap, clockMovingPause, nanos::get);
    }

    @Test
    void rateLimitedWaitsTheRetryAfterSecondsThenSucceeds() {
        api.answer(429, "7", "{}").answer(200, "{\"data\":[]}");
        QlikApiClient client = client(new ApiKeyAuth(KEY));

        HttpResult result = client.send("GET", AUDITS, null);

        assertThat(result.status()).isEqualTo(200);
        assertThat(pause.waits()).containsExactly(Duration.ofSeconds(7));
        assertThat(client.throttledWaits()).isEqualTo(1);
        assertThat(client.throttledMillis()).isEqualTo(7000);
        assertThat(api.sent()).hasSize(2);
    }

    @Test
    void rateLimitedWithoutRetryAfterBacksOffMoreEachTime() {
        api.answer(429, "{}").answer(429, "{}").answer(200, "{}");

        client(new ApiKeyAuth(KEY)).send("GET", AUDITS, null);

        assertThat(pause.waits()).hasSize(2);
        assertThat(pause.waits().get(0)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        assertThat(pause.waits().get(1)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
    }

    @Test
    void serverErrorsAreRetriedThenReportedWithTheirStatus() {
        for (int i = 0; i < 4; i++) {
            api.answer(503, "{\"errors\":[{\"title\":\"Service unavailable\"}]}");
        }

        assertThatThrownBy(() -> client(new ApiKeyAuth(KEY)).send("GET", AUDITS, null))
                .isInstanceOf(QlikApiException.class)
                .hasMessageContaining("GET /api/v1/audits").hasMessageContaining("HTTP 503")
                .hasMessageContaining("after 4 attempts").hasMessageContaining("Service unavailable")
                .satisfies(e -> assertThat(((HttpResponseAware) e).getHttpResponseCode()).isEqualTo(503));
        assertThat(api.sent()).hasSize(4);
        assertThat(pause.waits()).hasSize(3);
    }

    @Test
    void aTimeoutIsRetried() {
        api.fail(new SocketTimeoutException("Read timed out")).answer(200, "{}");

        assertThat(client(new ApiKeyAuth(KEY)).send("GET", AUDITS, null).status()).isEqualTo(200);
        assertThat(pause.waits()).hasSize(1);
    }

    @Test
    void anOAuthTokenRefusedWith401IsFetchedAgainOnceAndTheRequestRepeated() {
        OAuthClientCredentials auth = new OAuthClientCredentials("client", "unit-test-secret",
                new SettableClock(java.time.Instant.parse("2026-11-30T10:00:00Z")));
        api.answer(200, token("first")).answer(401, "{}").answer(200, token("second")).answer(200, "{}");

        HttpResult result = client(auth).send("GET", AUDITS, null);

        assertThat(result.status()).isEqualTo(200);
        assertThat(api.sent()).extracting(FakeTransport.Sent::bearerToken).containsExactly(null, "first", null, "second");
        assertThat(api.sent().get(2).uri().getPath()).isEqualTo("/oauth/token");
    }

    @Test
    void anApiKeyRefusedTwiceIsAnAuthenticationErrorThatDoesNotQuoteTheKey() {
        api.answer(401, "{}").answer(401, "{}");

        assertThatThrownBy(() -> client(new ApiKeyAuth(KEY)).send("GET", AUDITS, null))
                .isInstanceOf(QlikAuthenticationException.class).hasMessageContaining("HTTP 401")
                .hasMessageContaining("check the credentials").hasMessageNotContaining(KEY);
        assertThat(api.sent()).hasSize(2);
    }

    @Test
    void anotherOriginIsNeverCalled() {
        assertThatThrownBy(() -> client(new ApiKeyAuth(KEY)).send("GET", URI.create("https://elsewhere.example/x"), null))
                .isInstanceOf(QlikApiException.class).hasMessageContaining("only tenant acme.eu.qlikcloud.com");
        assertThat(api.sent()).isEmpty();
    }

    @Test
    void aBacklogNeverSendsMoreThanTheCapInAnyMinute() {
        QlikApiClient capped = onMovingClock(60);
        List<Long> sentAt = new ArrayList<>();
        api.thenAlways(200, "{\"data\":[]}");

        for (int page = 0; page < 200; page++) {
            capped.send("GET", AUDITS, null);
            sentAt.add(nanos.get());
            nanos.addAndGet(Duration.ofMillis(10).toNanos()); // the consumer's own work between pages
        }

        long minute = Duration.ofMinutes(1).toNanos();
        for (int i = 0; i + 60 < sentAt.size(); i++) {
            assertThat(sentAt.get(i + 60) - sentAt.get(i)).as("61 requests span at least a minute").isGreaterThanOrEqualTo(minute);
        }
        assertThat(Duration.ofNanos(nanos.get())).as("200 requests at 60 a minute").isGreaterThan(Duration.ofMinutes(3));
        assertThat(capped.cappedWaits()).isPositive();
        assertThat(capped.requestsLastMinute()).isLessThanOrEqualTo(60);
    }

    @Test
    void webhookWritesKeepWithinQlikTier2WithoutHoldingBackAuditReads() {
        QlikApiClient client = onMovingClock(0);
        api.thenAlways(201, "{}");
        URI resend = TENANT.resolve("/api/v1/webhooks/w-1/deliveries/d-1/actions/resend");

        for (int i = 0; i < 100; i++) {
            client.send("POST", resend, null);
        }
        assertThat(nanos.get()).as("100 writes in a minute do not wait").isZero();
        client.send("GET", AUDITS, null);
        client.send("GET", TENANT.resolve("/api/v1/webhooks"), null);
        assertThat(nanos.get()).as("reads of the other tiers do not wait").isZero();
        client.send("POST", resend, null);

        assertThat(Duration.ofNanos(nanos.get())).as("the 101st write in a minute waits for Tier 2")
                .isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void registrationAndTokenRequestsAreRetriedOn5xxAndReportTheLastStatus() {
        api.answer(503, "{}").answer(502, "{}").answer(204, "");
        QlikApiClient client = client(new ApiKeyAuth(KEY));

        assertThat(client.send("PATCH", TENANT.resolve("/api/v1/webhooks/w-1"), new byte[0]).status()).isEqualTo(204);
        assertThat(pause.waits()).hasSize(2);

        api.thenAlways(503, "{}");
        assertThatThrownBy(() -> client.send("POST", TENANT.resolve("/api/v1/webhooks"), new byte[0]))
                .isInstanceOf(QlikApiException.class).hasMessageContaining("POST /api/v1/webhooks")
                .hasMessageContaining("HTTP 503 after 4 attempts");
    }

    @Test
    void aCallWithARateLimitBudgetFailsOnceQlikAsksForMoreNamingTheStatus() {
        api.answer(429, "20", "{}").answer(429, "20", "{}").answer(200, "{}");
        QlikApiClient client = client(new ApiKeyAuth(KEY));

        assertThatThrownBy(() -> client.send("POST", TENANT.resolve("/api/v1/webhooks"), new byte[0],
                Duration.ofSeconds(30)))
                .isInstanceOf(QlikApiException.class).hasMessageContaining("still rate limited (HTTP 429")
                .hasMessageContaining("after waiting 20 s").hasMessageContaining("beyond the 30 s");
        assertThat(pause.waits()).containsExactly(Duration.ofSeconds(20));
    }

    static String token(String accessToken) {
        return "{\"access_token\":\"" + accessToken + "\",\"expires_in\":3600,\"token_type\":\"bearer\"}";
    }
}
