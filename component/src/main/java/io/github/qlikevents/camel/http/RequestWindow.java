package io.github.qlikevents.camel.http;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The requests sent to the tenant in the last minute, as a log of their send times: counts them for monitoring, and
 * tells how long to wait before one more request keeps within a cap of requests a minute (Qlik counts its rate
 * limit per minute, per user and tenant, so every endpoint of the JVM that calls a tenant as the same user shares
 * one: {@link #of}). Thread-safe.
 */
final class RequestWindow {

    /** The windows of the JVM, by tenant origin and principal; each is a few bytes once its minute has passed. */
    private static final Map<String, RequestWindow> SHARED = new ConcurrentHashMap<>();

    private static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();

    private final LongSupplier nanoTime;
    private final Deque<Long> sent = new ArrayDeque<>();

    /** @param nanoTime a monotonic clock in nanoseconds, {@link System#nanoTime()} but in tests */
    RequestWindow(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * The window every endpoint that calls {@code tenant} as {@code auth}'s user shares: of the requests of one of
     * Qlik's rate tiers, or of all of them for a null tier.
     */
    static RequestWindow of(TenantUrl tenant, BearerAuth auth, RateTier tier) {
        return SHARED.computeIfAbsent(tenant + " " + auth.principal() + (tier == null ? "" : " " + tier),
                key -> new RequestWindow(System::nanoTime));
    }

    /**
     * Counts a request sent now when one more keeps every minute within {@code cap} (0 means no cap) and returns
     * zero; otherwise counts nothing and returns how long to wait before asking again. One step, so callers on
     * several threads cannot pass the cap together.
     */
    synchronized Duration reserve(int cap) {
        long now = nanoTime.getAsLong();
        forgetOlderThanAMinute(now);
        if (cap > 0 && sent.size() >= cap) {
            Long oldestCounted = sent.stream().skip(sent.size() - (long) cap).findFirst().orElseThrow();
            return Duration.ofNanos(Math.max(1, oldestCounted + MINUTE_NANOS - now));
        }
        sent.addLast(now);
        return Duration.ZERO;
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
