package io.github.qlikevents.camel.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.qlikevents.camel.webhook.QlikSignature;

/**
 * Delivers published events to the enabled webhooks subscribed to their type, like Qlik: a signed POST
 * ({@code Qlik-Signature}, {@code User-Agent: Qlik Webhook}), retried a few times on a non-2xx answer or an error.
 */
final class WebhookDispatcher implements AutoCloseable {

    private static final int ATTEMPTS = 4;
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);

    private final WebhooksEndpoint webhooks;
    private final HttpClient client;
    private final ExecutorService executor;
    private final ConcurrentLinkedQueue<SandboxDelivery> deliveries = new ConcurrentLinkedQueue<>();

    WebhookDispatcher(WebhooksEndpoint webhooks) {
        this.webhooks = webhooks;
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "qlik-sandbox-webhooks");
            thread.setDaemon(true);
            return thread;
        });
        // the client needs threads of its own: deliveries block on it
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Sends the event to every subscribed webhook, in the background. */
    void dispatch(SandboxEvent event) {
        for (SandboxWebhook webhook : webhooks.all()) {
            if (webhook.enabled() && (webhook.eventTypes().isEmpty() || webhook.eventTypes().contains(event.type()))) {
                executor.execute(() -> deliver(webhook, event));
            }
        }
    }

    List<SandboxDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    private void deliver(SandboxWebhook webhook, SandboxEvent event) {
        byte[] body = EventDocuments.webhookBody(event, webhook.cloudEvents());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(webhook.url()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("User-Agent", "Qlik Webhook")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (webhook.secret() != null) {
            request.header(QlikSignature.HEADER,
                    QlikSignature.withSecret(webhook.secret(), "secret").sign(body));
        }
        Duration wait = FIRST_RETRY;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            int status;
            try {
                status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                status = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            deliveries.add(new SandboxDelivery(webhook.id(), event.eventId(), attempt, status));
            if (status >= 200 && status < 300) {
                return;
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            wait = wait.multipliedBy(2);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
