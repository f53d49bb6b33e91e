package io.github.qlikevents.camel.http;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * The requests sent to the tenant in the last minute, as a log of their send times: counts them for monitoring, and
 * tells how long to wait before one more request keeps within a cap of requests a minute (Qlik counts its rate
 * limit per minute). Thread-safe.
 */
final class RequestWindow {

    private static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();

    private final LongSupplier nanoTime;
    private final Deque<Long> sent = new ArrayDeque<>();

    /** @param nanoTime a monotonic clock in nanoseconds, {@link System#nanoTime()} but in tests */
    RequestWindow(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** How long to wait before the next request so that no minute holds more than {@code cap}; 0 means no cap. */
    synchronized Duration waitBeforeNext(int cap) {
        long now = nanoTime.getAsLong();
        forgetOlderThanAMinute(now);
        if (cap <= 0 || sent.size() < cap) {
            return Duration.ZERO;
        }
        Long oldestCounted = sent.stream().skip(sent.size() - (long) cap).findFirst().orElseThrow();
        return Duration.ofNanos(Math.max(0, oldestCounted + MINUTE_NANOS - now));
    }

    /** A request is being sent now. */
    synchronized void record() {
        long now = nanoTime.getAsLong();
        sent.addLast(now);
        forgetOlderThanAMinute(now);
    }

    /** Requests sent in the last minute. */
    synchronized int lastMinute() {
        forgetOlderThanAMinute(nanoTime.getAsLong());
        return sent.size();
    }

    private void forgetOlderThanAMinute(long now) {
        while (!sent.isEmpty() && now - sent.peekFirst() >= MINUTE_NANOS) {
            sent.removeFirst();
        }
    }
}
