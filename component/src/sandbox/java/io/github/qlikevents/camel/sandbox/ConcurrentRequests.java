package io.github.qlikevents.camel.sandbox;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests being answered at once, counted across the sandbox tenants that share this gauge: a client that holds a
 * thread per request never has more under way than it has threads.
 */
public final class ConcurrentRequests {

    private final AtomicInteger now = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    void begin() {
        peak.accumulateAndGet(now.incrementAndGet(), Math::max);
    }

    void end() {
        now.decrementAndGet();
    }

    /** The most requests under way at once so far. */
    public int peak() {
        return peak.get();
    }
}
