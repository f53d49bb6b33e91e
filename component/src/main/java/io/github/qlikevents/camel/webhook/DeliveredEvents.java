package io.github.qlikevents.camel.webhook;

import java.time.Instant;

/**
 * The events a hybrid endpoint delivered, by webhook or by its sweep of the Audits API, so that each is delivered
 * once whichever path sees it first.
 */
public interface DeliveredEvents {

    /** Claims the event for a webhook delivery: false when it was delivered, or the sweep is delivering it now. */
    boolean claim(String id);

    /** The webhook delivery of a claimed event completed; {@code time} is its eventTime, null when unreadable. */
    void delivered(String id, Instant time);

    /** The webhook delivery of a claimed event failed: Qlik's retry or the sweep delivers it. */
    void release(String id);
}
