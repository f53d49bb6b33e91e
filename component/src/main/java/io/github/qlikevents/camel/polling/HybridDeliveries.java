package io.github.qlikevents.camel.polling;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.github.qlikevents.camel.webhook.DeliveredEvents;

/**
 * The delivery claims of a hybrid endpoint: the webhook handler and the sweep each claim an event before delivering
 * it, so it comes once whichever path sees it first. Webhook deliveries store the position at most once a second
 * (every sweep stores it too).
 */
final class HybridDeliveries implements DeliveredEvents {

    private final PositionClaim position;
    private final Consumer<Instant> completed;
    /** Events the webhook delivered. */
    private final AtomicLong webhookDelivered = new AtomicLong();
    /** When webhook deliveries last stored the position (System.nanoTime). */
    private final AtomicLong savedAtNanos = new AtomicLong(System.nanoTime());

    /**
     * @param position  the poller's position and its store
     * @param completed told the eventTime of every event the webhook delivered, for the figures
     */
    HybridDeliveries(PositionClaim position, Consumer<Instant> completed) {
        this.position = position;
        this.completed = completed;
    }

    @Override
    public boolean claim(String id) {
        return position.current().claim(id);
    }

    @Override
    public void delivered(String id, Instant time) {
        position.completed(id, time);
        completed.accept(time);
        webhookDelivered.incrementAndGet();
        long now = System.nanoTime();
        long saved = savedAtNanos.get();
        if (now - saved >= 1_000_000_000L && savedAtNanos.compareAndSet(saved, now)) {
            position.save();
        }
    }

    @Override
    public void release(String id) {
        position.current().release(id);
    }

    /** Events the webhook delivered so far. */
    long webhookDelivered() {
        return webhookDelivered.get();
    }
}
