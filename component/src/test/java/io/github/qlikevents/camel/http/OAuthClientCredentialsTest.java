package io.github.qlikevents.camel.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.qlikevents.camel.decoding.QlikJson;
import io.github.qlikevents.camel.support.FakeTransport;
import io.github.qlikevents.camel.support.RecordingPause;
import io.github.qlikevents.camel.support.SettableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * OAuth2 client credentials: a token is reused until a minute before it expires (by expires_at or expires_in, the
 * earlier), then fetched again; a clock that sees expires_at as past does not make every call fetch one.
 */
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
    void expiresAtAloneSetsTheRefresh() {
        api.answer(200, "{\"access_token\":\"first\",\"token_type\":\"bearer\",\"expires_at\":\""
                        + clock.instant().plusSeconds(1800) + "\"}")
                .answer(200, QlikApiClientTest.token("second"));

        assertThat(auth.token()).isEqualTo("first");
        clock.advance(Duration.ofSeconds(1800 - 61));
        assertThat(auth.token()).isEqualTo("first");
        clock.advance(Duration.ofSeconds(1));
        assertThat(auth.token()).isEqualTo("second");
    }

    @Test
    void theEarlierOfExpiresAtAndExpiresInWins() {
        Instant now = clock.instant();

        assertThat(OAuthClientCredentials.expiry(json("{\"expires_in\":3600,\"expires_at\":\"" + now.plusSeconds(600)
                                                      + "\"}"), now)).isEqualTo(now.plusSeconds(600));
        assertThat(OAuthClientCredentials.expiry(json("{\"expires_in\":600,\"expires_at\":"
                                                      + now.plusSeconds(3600).getEpochSecond() + "}"), now))
                .isEqualTo(now.plusSeconds(600));
        assertThat(OAuthClientCredentials.expiry(json("{\"expires_at\":\"not a time\"}"), now))
                .as("neither readable: Qlik's 6 hours").isEqualTo(now.plus(Duration.ofHours(6)));
    }

    @Test
    void anExpiresAtThisClockSeesAsPastLeavesTheTokenToExpiresIn() {
        // this JVM's clock is two hours ahead of Qlik's: the token's expires_at is already past here
        api.answer(200, "{\"access_token\":\"first\",\"expires_in\":3600,\"expires_at\":\""
                        + clock.instant().minus(Duration.ofHours(1)) + "\"}")
                .answer(200, QlikApiClientTest.token("second"));

        assertThat(auth.token()).isEqualTo("first");
        clock.advance(Duration.ofMinutes(30));
        assertThat(auth.token()).as("not fetched again on every call").isEqualTo("first");
        assertThat(api.sent()).hasSize(1);
    }

    private static JsonNode json(String text) {
        try {
            return QlikJson.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aRefusedTokenRequestSaysWhatToCheckNotTheSecret() {
        api.answer(401, "{\"errors\":[{\"title\":\"invalid_client\"}]}");

        assertThatThrownBy(auth::token).isInstanceOf(QlikAuthenticationException.class)
                .hasMessageContaining("POST /oauth/token").hasMessageContaining("HTTP 401 (invalid_client)")
                .hasMessageContaining("clientId/clientSecret").hasMessageNotContaining("unit-test-secret");
    }
}
