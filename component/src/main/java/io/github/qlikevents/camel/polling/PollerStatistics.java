package io.github.qlikevents.camel.polling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.github.qlikevents.camel.http.QlikApiClient;

/**
 * The figures of one poller, as JMX, the dev console and the Micrometer gauges show them: what it counted itself, and
 * the live figures of its API client, backfill and position, once it started.
 */
final class PollerStatistics {

    /** Qlik's rate limit of the Audits API, per user and tenant. */
    private static final int QLIK_REQUESTS_PER_MINUTE = 1000;

    private final AtomicLong eventsDelivered = new AtomicLong();
    private final AtomicLong eventsFailed = new AtomicLong();
    private final AtomicReference<Instant> lastEventTime = new AtomicReference<>();
    private final AtomicLong eventsFromSweeps = new AtomicLong();
    private final AtomicReference<Instant> lastSweep = new AtomicReference<>();
    private volatile QlikApiClient api;
    private volatile Backfill backfill;
    private volatile PositionClaim position;
    private volatile Clock clock = Clock.systemUTC();
    /** When the last poll completed, and when the last poll completed or a page was stored (System.nanoTime). */
    private volatile long polledAt = System.nanoTime();
    private volatile long progressedAt = polledAt;

    /** The parts whose figures are shown, when the poller starts. */
    void started(QlikApiClient api, Backfill backfill, PositionClaim position, Clock clock) {
        this.api = api;
        this.backfill = backfill;
        this.position = position;
        this.clock = clock;
        polledAt = System.nanoTime();
        progressedAt = polledAt;
    }

    /** A poll completed: everything new was read and delivered. */
    void polled() {
        polledAt = System.nanoTime();
        progressedAt = polledAt;
    }

    /** A page was delivered and stored: a long poll (a backlog, a capped budget) is making progress. */
    void progressed() {
        progressedAt = System.nanoTime();
    }

    /** How long since the last completed poll (since the start before the first). */
    Duration sinceLastPoll() {
        return Duration.ofNanos(System.nanoTime() - polledAt);
    }

    /** How long since the last completed poll or stored page. */
    Duration sinceProgress() {
        return Duration.ofNanos(System.nanoTime() - progressedAt);
    }

    /** An event was delivered and completed; {@code time} is its eventTime, null when it had none. */
    void delivered(Instant time) {
        eventsDelivered.incrementAndGet();
        if (time != null) {
            lastEventTime.accumulateAndGet(time, (a, b) -> a == null || b.isAfter(a) ? b : a);
        }
    }

    void failed() {
        eventsFailed.incrementAndGet();
    }

    void swept(Instant at) {
        lastSweep.set(at);
    }

    void deliveredBySweeps(int events) {
        eventsFromSweeps.addAndGet(events);
    }

    long eventsDelivered() {
        return eventsDelivered.get();
    }

    long eventsFailed() {
        return eventsFailed.get();
    }

    long throttledWaits() {
        return api == null ? 0 : api.throttledWaits();
    }

    long throttledMillis() {
        return api == null ? 0 : api.throttledMillis();
    }

    long retries() {
        return api == null ? 0 : api.retries();
    }

    String lastEventTime() {
        return text(lastEventTime.get());
    }

    int requestsLastMinute() {
        return api == null ? 0 : api.requestsLastMinute();
    }

    int rateLimitSharePercent() {
        return requestsLastMinute() * 100 / QLIK_REQUESTS_PER_MINUTE;
    }

    int maxRequestsPerMinute() {
        return api == null ? 0 : api.maxRequestsPerMinute();
    }

    long cappedWaits() {
        return api == null ? 0 : api.cappedWaits();
    }

    Long lagSeconds() {
        Instant time = lastEventTime.get();
        return time == null ? null : Duration.between(time, clock.instant()).toSeconds();
    }

    String lastSweep() {
        return text(lastSweep.get());
    }

    long eventsFromSweeps() {
        return eventsFromSweeps.get();
    }

    String backfillDay() {
        return backfill == null ? null : backfill.currentDay();
    }

    Long backfillDaysLeft() {
        return backfill == null ? null : backfill.daysLeft();
    }

    Long backfillSecondsLeft() {
        return backfill == null ? null : backfill.secondsLeft();
    }

    long backfillEventsDelivered() {
        return backfill == null ? 0 : backfill.eventsDelivered();
    }

    boolean claimLost() {
        return position != null && position.lost();
    }

    String leaseHolder() {
        return position == null ? null : position.leaseHolder();
    }

    String leaseExpiry() {
        return position == null ? null : text(position.leaseEnd());
    }

    long lastPollAgeSeconds() {
        return sinceLastPoll().toSeconds();
    }

    String watermark() {
        return position == null ? null : text(position.current().watermark());
    }

    private static String text(Instant time) {
        return time == null ? null : time.toString();
    }
}
