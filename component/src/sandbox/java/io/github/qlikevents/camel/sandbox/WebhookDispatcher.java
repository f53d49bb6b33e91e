package io.github.qlikevents.camel.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.github.qlikevents.camel.webhook.QlikSignature;

/**
 * Delivers published events to the enabled webhooks subscribed to their type, like Qlik: a signed POST
 * ({@code Qlik-Signature}, {@code User-Agent: Qlik Webhook}), retried a few times on a non-2xx answer, an error or a
 * timeout. A webhook whose deliveries fail {@code disableAfter} times in a row is disabled with a reason, as Qlik does
 * (its threshold is not published). Faults a test can turn on: a share of deliveries lost before any attempt, and a
 * shorter timeout for each attempt.
 */
final class WebhookDispatcher implements AutoCloseable {

    static final String DISABLED_CODE = "DELIVERY_FAILURES";
    private static final int ATTEMPTS = 4;
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);

    private final WebhooksEndpoint webhooks;
    /** Made at the first delivery: a tenant without webhooks (thousands of them in a benchmark) has no client. */
    private HttpClient client;
    private final ExecutorService executor;
    private final ConcurrentLinkedQueue<SandboxDelivery> deliveries = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> failuresInARow = new ConcurrentHashMap<>();
    private final int disableAfter;
    private final Random random;
    private volatile double dropShare;
    private volatile Duration timeout = Duration.ofSeconds(10);

    WebhookDispatcher(WebhooksEndpoint webhooks, int disableAfter, long seed) {
        this.webhooks = webhooks;
        this.disableAfter = disableAfter;
        this.random = new Random(seed);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "qlik-sandbox-webhooks");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The client deliveries are sent with; it has threads of its own, as deliveries block on it. */
    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        }
        return client;
    }

    /** Sends the event to every subscribed webhook, in the background; a share of them is lost. */
    void dispatch(SandboxEvent event) {
        send(event, true);
    }

    /** Sends the event again to every enabled subscribed webhook, as Qlik's resend action does; nothing is lost. */
    void resend(SandboxEvent event) {
        send(event, false);
    }

    private void send(SandboxEvent event, boolean mayBeLost) {
        for (SandboxWebhook webhook : webhooks.all()) {
            if (webhook.enabled() && subscribed(webhook, event) && !(mayBeLost && lost())) {
                executor.execute(() -> deliver(webhook, event, ATTEMPTS));
            }
        }
    }

    /**
     * Sends the event of delivery {@code id} again to its webhook, once, as Qlik's resend action does.
     *
     * @return the new delivery, or null when there is no such delivery of that webhook
     */
    SandboxDelivery resend(String webhookId, String id, Function<String, SandboxEvent> events) {
        SandboxWebhook webhook = webhooks.get(webhookId);
        SandboxDelivery original = deliveries.stream().filter(d -> d.id().equals(id) && d.webhookId().equals(webhookId))
                .findFirst().orElse(null);
        if (webhook == null || original == null) {
            return null;
        }
        return deliver(webhook, events.apply(original.eventId()), 1);
    }

    private static boolean subscribed(SandboxWebhook webhook, SandboxEvent event) {
        return (webhook.eventTypes().isEmpty() || webhook.eventTypes().contains(event.type()))
               && (webhook.filter() == null || WebhookFilter.parse(webhook.filter(), webhook.eventTypes()).test(event));
    }

    /** The share of deliveries, 0 to 1, lost before any attempt, drawn from the tenant's seed. */
    void dropShare(double share) {
        this.dropShare = share;
    }

    /** How long each attempt waits for the receiver's answer. */
    void timeout(Duration timeout) {
        this.timeout = timeout;
    }

    List<SandboxDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    private boolean lost() {
        double share = dropShare;
        if (share <= 0) {
            return false;
        }
        synchronized (random) {
            return random.nextDouble() < share;
        }
    }

    /** Delivers in up to {@code attempts} attempts; returns the last attempt (null when interrupted). */
    private SandboxDelivery deliver(SandboxWebhook webhook, SandboxEvent event, int attempts) {
        byte[] body = EventDocuments.webhookBody(event, webhook.cloudEvents());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "Qlik Webhook");
        if (webhook.secret() != null) {
            headers.put(QlikSignature.HEADER, QlikSignature.withSecret(webhook.secret(), "secret").sign(body));
        }
        headers.putAll(webhook.headers());
        headers.putAll(webhook.encryptedHeaders());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(webhook.url())).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        String id = UUID.randomUUID().toString();
        Duration wait = FIRST_RETRY;
        SandboxDelivery delivery = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            int status;
            try {
                status = client().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                status = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return delivery;
            }
            delivery = new SandboxDelivery(id, webhook.id(), event.eventId(), event.type(), attempt, status,
                    Instant.now(), Map.copyOf(headers));
            deliveries.add(delivery);
            if (delivery.succeeded()) {
                failuresInARow.computeIfAbsent(webhook.id(), key -> new AtomicInteger()).set(0);
                return delivery;
            }
            if (attempt < attempts) {
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return delivery;
                }
                wait = wait.multipliedBy(2);
            }
        }
        AtomicInteger failures = failuresInARow.computeIfAbsent(webhook.id(), key -> new AtomicInteger());
        if (failures.incrementAndGet() >= disableAfter) {
            webhooks.disable(webhook.id(), "Disabled after " + disableAfter + " deliveries in a row failed",
                    DISABLED_CODE);
            failures.set(0);
        }
        return delivery;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
