package io.github.qlikevents.camel.polling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import io.github.qlikevents.camel.webhook.WebhookMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sweep for events Qlik indexed late: every sweepInterval, re-reads once the events whose lookback has passed (so
 * Qlik shows them all by now) and delivers those not delivered yet. In hybrid mode it is all the poller does, and a
 * sweep that found events no webhook brought has the webhook looked at.
 */
final class Sweep {

    private static final Logger LOG = LoggerFactory.getLogger(Sweep.class);

    private final AuditPager pager;
    private final AuditQuery query;
    private final Duration lookback;
    private final Duration interval;
    private final Clock clock;
    private final String tenant;
    private final PollerStatistics statistics;
    /** Hybrid mode: the webhook's deliveries, and its monitor; both null for a poller. */
    private final HybridDeliveries hybrid;
    private final WebhookMonitor monitor;
    /** Webhook deliveries when the last sweep began (hybrid mode). */
    private long webhookDeliveriesAtLastSweep;
    /** A sweep found events the webhook had not brought, and the webhook has not been looked at since. */
    private boolean checkDue;

    Sweep(AuditPager pager, AuditQuery query, PollSettings settings, Clock clock, String tenant,
          PollerStatistics statistics, HybridDeliveries hybrid, WebhookMonitor monitor) {
        this.pager = pager;
        this.query = query;
        this.lookback = settings.lookback();
        this.interval = settings.sweepInterval();
        this.clock = clock;
        this.tenant = tenant;
        this.statistics = statistics;
        this.hybrid = hybrid;
        this.monitor = monitor;
    }

    /** Sweeps when sweepInterval has passed since where the last sweep got to; completes with the events delivered. */
    CompletableFuture<Integer> runIfDue(PollPosition position, PageSink sink) {
        Instant now = clock.instant();
        Instant to = now.minus(lookback);
        if (interval.isZero() || to.isBefore(position.sweepFrom(lookback, now).plus(interval))) {
            return CompletableFuture.completedFuture(0);
        }
        long webhookDeliveries = hybrid == null ? 0 : hybrid.webhookDelivered();
        return sweep(position, to, sink).thenCompose(swept -> {
            // a sweep found events the webhook had not brought: once the webhook brings nothing for a sweep's time (it
            // may have been disabled right after its last delivery), look at it (on this poller thread: rare, a
            // request or two); while it delivers, looking costs nothing
            checkDue |= swept > 0;
            try {
                if (monitor != null && checkDue && webhookDeliveries == webhookDeliveriesAtLastSweep) {
                    monitor.check();
                    checkDue = false;
                }
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
            webhookDeliveriesAtLastSweep = webhookDeliveries;
            return CompletableFuture.completedFuture(swept);
        });
    }

    /**
     * Re-reads, once, the events from where the last sweep got to up to {@code to}, and delivers those not delivered
     * yet. Moves the swept mark page by page, so a restart resumes the sweep.
     */
    private CompletableFuture<Integer> sweep(PollPosition position, Instant to, PageSink sink) {
        pager.restart(() -> query.between(position.sweepFrom(lookback, clock.instant()), to));
        return pager.readAll(sink, page -> {
            Instant pageEnd = lastTime(page);
            int delivered = sink.deliver(page.items(), false);
            if (!sink.stopped() && pageEnd != null) {
                position.sweptTo(pageEnd);
            }
            sink.save();
            return delivered;
        }).thenApply(delivered -> {
            if (sink.more()) {
                position.sweptTo(to);
                sink.save();
                statistics.swept(clock.instant());
            }
            statistics.deliveredBySweeps(delivered);
            if (delivered > 0) {
                LOG.info("Sweep of tenant {} up to {} delivered {} events the tail had not seen (indexed late by Qlik,"
                         + " or published while the consumer was stopped)", tenant, to, delivered);
            }
            return delivered;
        });
    }

    private static Instant lastTime(AuditPage page) {
        Instant last = null;
        for (PolledItem item : page.items()) {
            if (item.time() != null && (last == null || item.time().isAfter(last))) {
                last = item.time();
            }
        }
        return last;
    }
}
