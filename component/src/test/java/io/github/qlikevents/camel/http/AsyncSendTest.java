package io.github.qlikevents.camel.http;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A request waits for its answer without a thread: the future the client gives back is open until the transport
 * answers, the policy runs on whatever thread the answer comes on, and a stop ends the wait.
 */
class AsyncSendTest {

    private static final TenantUrl TENANT = TenantUrl.of("https://acme.eu.qlikcloud.com");
    private static final URI AUDITS = TENANT.resolve("/api/v1/audits");

    /** A transport whose answers the test gives, later. */
    private static final class PendingTransport implements QlikTransport {
        private final List<CompletableFuture<HttpResult>> answers = new CopyOnWriteArrayList<>();

        @Override
        public HttpResult execute(String method, URI uri, String bearerToken, byte[] jsonBody) {
            throw new AssertionError("a poll must not take the blocking path");
        }

        @Override
        public CompletableFuture<HttpResult> executeAsync(String method, URI uri, String bearerToken,
                                                          byte[] jsonBody) {
            CompletableFuture<HttpResult> answer = new CompletableFuture<>();
            answers.add(answer);
            return answer;
        }

        @Override
        public void close() {
        }
    }

    private final PendingTransport transport = new PendingTransport();
    private final QlikApiClient client = new QlikApiClient(TENANT, transport, new ApiKeyAuth("async-test-key"),
            new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1)), 0);

    @Test
    void theFutureStaysOpenUntilTheTenantAnswersAndRetriesOnTheAnsweringThread() {
        CompletableFuture<HttpResult> result = client.sendAsync("GET", AUDITS, null);
        assertThat(result).as("returned before the tenant answered").isNotDone();
        assertThat(client.waitingFor()).containsExactly("the answer to GET /api/v1/audits");

        transport.answers.get(0).complete(new HttpResult(503, null, new byte[0]));
        await(() -> transport.answers.size() == 2);
        transport.answers.get(1).complete(new HttpResult(200, null, "{}".getBytes()));

        assertThat(result.join().status()).isEqualTo(200);
        assertThat(client.retries()).isEqualTo(1);
        assertThat(client.waitingFor()).isEmpty();
    }

    @Test
    void aConnectionErrorOfTheAsyncTransportIsRetriedThenNamed() {
        CompletableFuture<HttpResult> result = client.sendAsync("GET", AUDITS, null);
        for (int attempt = 0; attempt < 3; attempt++) {
            int sent = attempt + 1;
            await(() -> transport.answers.size() == sent);
            transport.answers.get(attempt).completeExceptionally(new IOException("Connection refused"));
        }

        assertThatThrownBy(result::join).hasCauseInstanceOf(QlikApiException.class)
                .hasMessageContaining("GET /api/v1/audits on tenant acme.eu.qlikcloud.com failed after 3 attempts")
                .hasMessageContaining("IOException: Connection refused");
    }

    @Test
    void aStopEndsTheWaitForAnAnswerAtOnce() {
        CompletableFuture<HttpResult> result = client.sendAsync("GET", AUDITS, null);

        client.cancelWaits();

        assertThatThrownBy(result::join).hasCauseInstanceOf(QlikApiException.class)
                .hasMessageContaining("Stopped while waiting: the answer to GET /api/v1/audits");
        assertThat(transport.answers.get(0)).as("the exchange itself ended").isCompletedExceptionally();
    }

    private static void await(BooleanSupplier condition) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(condition::getAsBoolean);
    }
}
