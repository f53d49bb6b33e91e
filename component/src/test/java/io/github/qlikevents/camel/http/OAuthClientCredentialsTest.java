package io.github.qlikevents.camel.http;

import java.time.Duration;
import java.time.Instant;

import io.github.qlikevents.camel.support.FakeTransport;
import io.github.qlikevents.camel.support.RecordingPause;
import io.github.qlikevents.camel.support.SettableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** OAuth2 client credentials: a token is reused until a minute before it expires, then fetched again. */
class OAuthClientCredentialsTest {

    private final FakeTransport api = new FakeTransport();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final OAuthClientCredentials auth = new OAuthClientCredentials("client", "unit-test-secret", clock);

    OAuthClientCredentialsTest() {
        new QlikApiClient(QlikApiClientTest.TENANT, api, auth, new RetryPolicy(0, Duration.ofSeconds(1),
                Duration.ofSeconds(1)), 0, new RecordingPause(), System::nanoTime);
    }

    @Test
    void theTokenIsReusedUntilOneMinuteBeforeItExpires() {
        api.answer(200, QlikApiClientTest.token("first")).answer(200, QlikApiClientTest.token("second"));

        assertThat(auth.token()).isEqualTo("first");
        clock.advance(Duration.ofSeconds(3600 - 61));
        assertThat(auth.token()).isEqualTo("first");
        clock.advance(Duration.ofSeconds(1));
        assertThat(auth.token()).isEqualTo("second");

        assertThat(api.sent()).hasSize(2).allSatisfy(sent -> {
            assertThat(sent.uri().getPath()).isEqualTo("/oauth/token");
            assertThat(sent.body()).contains("\"grant_type\":\"client_credentials\"");
        });
    }

    @Test
    void aRefusedTokenRequestSaysWhatToCheckNotTheSecret() {
        api.answer(401, "{\"errors\":[{\"title\":\"invalid_client\"}]}");

        assertThatThrownBy(auth::token).isInstanceOf(QlikAuthenticationException.class)
                .hasMessageContaining("POST /oauth/token").hasMessageContaining("HTTP 401 (invalid_client)")
                .hasMessageContaining("clientId/clientSecret").hasMessageNotContaining("unit-test-secret");
    }
}
