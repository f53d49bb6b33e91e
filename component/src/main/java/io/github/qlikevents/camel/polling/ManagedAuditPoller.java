package io.github.qlikevents.camel.polling;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.support.ScheduledBatchPollingConsumer;

/**
 * The management face of an Audits API poller: its figures as JMX attributes and, in the same order, as the dev
 * console's status; all read from its {@link PollerStatistics}.
 */
@ManagedResource(description = "Qlik events Audits API poller")
public abstract class ManagedAuditPoller extends ScheduledBatchPollingConsumer {

    protected ManagedAuditPoller(Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    /** The figures shown. */
    abstract PollerStatistics statistics();

    /** The figures of the dev console, in the order it shows them; the same as the JMX attributes. */
    public Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("watermark", getWatermark());
        status.put("lastEventTime", getLastEventTime());
        status.put("lagSeconds", getLagSeconds());
        status.put("polls", getCounter());
        status.put("eventsDelivered", getEventsDelivered());
        status.put("eventsFailed", getEventsFailed());
        status.put("requestsLastMinute", getRequestsLastMinute());
        status.put("rateLimitSharePercent", getRateLimitSharePercent());
        status.put("maxRequestsPerMinute", getMaxRequestsPerMinute());
        status.put("cappedWaits", getCappedWaits());
        status.put("throttledWaits", getThrottledWaits());
        status.put("retries", getRetries());
        status.put("lastSweep", getLastSweep());
        status.put("eventsFromSweeps", getEventsFromSweeps());
        status.put("backfillDay", getBackfillDay());
        status.put("backfillDaysLeft", getBackfillDaysLeft());
        status.put("backfillSecondsLeft", getBackfillSecondsLeft());
        status.put("backfillEventsDelivered", getBackfillEventsDelivered());
        status.put("claimLost", isClaimLost());
        status.put("leaseHolder", getLeaseHolder());
        status.put("leaseExpiry", getLeaseExpiry());
        status.put("lastPollAgeSeconds", getLastPollAgeSeconds());
        return status;
    }

    @ManagedAttribute(description = "Events delivered and completed")
    public long getEventsDelivered() {
        return statistics().eventsDelivered();
    }

    @ManagedAttribute(description = "Exchanges that failed (their events are delivered again)")
    public long getEventsFailed() {
        return statistics().eventsFailed();
    }

    @ManagedAttribute(description = "Times a 429 rate limit was waited out")
    public long getThrottledWaits() {
        return statistics().throttledWaits();
    }

    @ManagedAttribute(description = "Milliseconds spent waiting out 429 rate limits")
    public long getThrottledMillis() {
        return statistics().throttledMillis();
    }

    @ManagedAttribute(description = "Requests retried after 5xx, timeouts or connection errors")
    public long getRetries() {
        return statistics().retries();
    }

    @ManagedAttribute(description = "eventTime of the newest event delivered")
    public String getLastEventTime() {
        return statistics().lastEventTime();
    }

    @ManagedAttribute(description = "Requests sent to the tenant in the last minute, retries and token requests included")
    public int getRequestsLastMinute() {
        return statistics().requestsLastMinute();
    }

    @ManagedAttribute(description = "Requests in the last minute as a percentage of Qlik's limit of 1,000 a minute")
    public int getRateLimitSharePercent() {
        return statistics().rateLimitSharePercent();
    }

    @ManagedAttribute(description = "The cap on requests a minute (maxRequestsPerMinute); 0 for none")
    public int getMaxRequestsPerMinute() {
        return statistics().maxRequestsPerMinute();
    }

    @ManagedAttribute(description = "Times a request waited for maxRequestsPerMinute")
    public long getCappedWaits() {
        return statistics().cappedWaits();
    }

    @ManagedAttribute(description = "Seconds between now and the eventTime of the newest event delivered")
    public Long getLagSeconds() {
        return statistics().lagSeconds();
    }

    @ManagedAttribute(description = "When the last sweep for late events ended")
    public String getLastSweep() {
        return statistics().lastSweep();
    }

    @ManagedAttribute(description = "Events delivered by sweeps: those the tail had not seen (indexed late by Qlik)")
    public long getEventsFromSweeps() {
        return statistics().eventsFromSweeps();
    }

    @ManagedAttribute(description = "The audit archive day being backfilled; null when the list is polled")
    public String getBackfillDay() {
        return statistics().backfillDay();
    }

    @ManagedAttribute(description = "Archive days left to backfill, the current one included; null when none ran")
    public Long getBackfillDaysLeft() {
        return statistics().backfillDaysLeft();
    }

    @ManagedAttribute(description = "Estimated seconds left of the backfill, from the time per day so far")
    public Long getBackfillSecondsLeft() {
        return statistics().backfillSecondsLeft();
    }

    @ManagedAttribute(description = "Events delivered from the audit archive")
    public long getBackfillEventsDelivered() {
        return statistics().backfillEventsDelivered();
    }

    @ManagedAttribute(description = "Whether another poller claimed the position, so this one stopped polling")
    public boolean isClaimLost() {
        return statistics().claimLost();
    }

    @ManagedAttribute(description = "Who holds the lease on the poll position, as last seen (a JdbcStateRepository)")
    public String getLeaseHolder() {
        return statistics().leaseHolder();
    }

    @ManagedAttribute(description = "When the lease on the poll position ends, as last seen, by this JVM's clock")
    public String getLeaseExpiry() {
        return statistics().leaseExpiry();
    }

    @ManagedAttribute(description = "Seconds since the last completed poll (since the start before the first)")
    public long getLastPollAgeSeconds() {
        return statistics().lastPollAgeSeconds();
    }

    @ManagedAttribute(description = "The stored poll position (newest eventTime passed in order)")
    public String getWatermark() {
        return statistics().watermark();
    }
}
