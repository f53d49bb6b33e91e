package io.github.qlikevents.camel.polling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.github.qlikevents.camel.QlikLicenseEventsConstants;
import io.github.qlikevents.camel.QlikLicenseEventsEndpoint;
import io.github.qlikevents.camel.decoding.EventHeaders;
import io.github.qlikevents.camel.http.QlikApiClient;
import io.github.qlikevents.camel.http.QlikAuthenticationException;
import io.github.qlikevents.camel.state.LostClaimException;
import io.github.qlikevents.camel.webhook.DeliveredEvents;
import io.github.qlikevents.camel.webhook.WebhookMonitor;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.DefaultScheduledPollConsumerScheduler;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.CastUtils;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the tenant's Audits API oldest first and delivers each event of the channel once, in order. Each poll tails
 * what is new since the watermark and, every sweepInterval, sweeps once over the events whose lookback has passed, for
 * those Qlik indexed late; it takes the pages of {@link AuditPager} one by one as batches, and stores the position
 * after every page. A start point older than the list keeps is first backfilled from the audit archive, day by day
 * ({@link Backfill}, {@link ArchiveDay}). The position moves only over exchanges that completed: at the first failed
 * exchange the poll stops, and that event comes again on the next poll. In hybrid mode (created by a webhook endpoint
 * with reconcile=true) it only sweeps, and is the {@link DeliveredEvents} the webhook handler claims events with.
 */
@ManagedResource(description = "Qlik events Audits API poller")
public class QlikEventsPollingConsumer extends ScheduledBatchPollingConsumer implements DeliveredEvents {

    private static final Logger LOG = LoggerFactory.getLogger(QlikEventsPollingConsumer.class);
    /** Qlik's rate limit of the Audits API, per user and tenant. */
    private static final int QLIK_REQUESTS_PER_MINUTE = 1000;
    private static final boolean MICROMETER_PRESENT = ObjectHelper.loadClass(
            "io.micrometer.core.instrument.MeterRegistry", QlikEventsPollingConsumer.class.getClassLoader()) != null;

    private final QlikLicenseEventsEndpoint endpoint;
    private final AtomicLong eventsDelivered = new AtomicLong();
    private final AtomicLong eventsFailed = new AtomicLong();
    private final AtomicReference<Instant> lastEventTime = new AtomicReference<>();
    private final AtomicLong eventsFromSweeps = new AtomicLong();
    private final AtomicReference<Instant> lastSweep = new AtomicReference<>();
    private QlikApiClient api;
    private PollSettings settings;
    private Clock clock;
    private AuditQuery query;
    private AuditPager pager;
    private StateRepository<String, String> repository;
    private PositionStore store;
    private PollPosition position;
    private Backfill backfill;
    /** True while the batch being delivered comes from the archive. */
    private boolean archived;
    /** Items of the last batch done: delivered, or passed over (filtered, already delivered, before the start). */
    private int handled;
    /** Deliveries this poll may still make (maxMessagesPerPoll). */
    private int remaining;
    /** Set when an exchange failed or the poll's limit was reached: the poll ends after the current page. */
    private boolean stopped;
    /** The Micrometer gauges of this poller, when Micrometer is on the classpath. */
    private PollerGauges gauges;
    /** Set in hybrid mode: the webhook delivers live, this consumer only sweeps. */
    private final WebhookMonitor monitor;
    /**
     * In hybrid mode, the idempotentRepository the webhook handlers of every replica share, if one is set: the sweep
     * skips what another replica's webhook delivered.
     */
    private IdempotentRepository replicas;
    /** Events the webhook delivered (hybrid mode), and how many it had when the last sweep began. */
    private final AtomicLong webhookDelivered = new AtomicLong();
    private long webhookDeliveriesAtLastSweep;
    /** When webhook deliveries last stored the position (System.nanoTime); they store it at most once a second. */
    private final AtomicLong savedAtNanos = new AtomicLong(System.nanoTime());
    /** Whether this consumer runs on the JVM's shared poller threads (no scheduledExecutorService of its own). */
    private boolean sharedThreads;
    /** Set when another poller claimed the position: this one polls and delivers nothing more. */
    private volatile boolean claimLost;

    public QlikEventsPollingConsumer(QlikLicenseEventsEndpoint endpoint, Processor processor) {
        this(endpoint, processor, null);
    }

    /**
     * A consumer that only sweeps, beside a webhook endpoint's handler (hybrid mode): each event is read once after
     * its lookback and delivered when no webhook brought it; {@code monitor} looks at the webhook when one did not.
     */
    public QlikEventsPollingConsumer(QlikLicenseEventsEndpoint endpoint, Processor processor, WebhookMonitor monitor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.monitor = monitor;
    }

    @Override
    protected void doStart() throws Exception {
        api = endpoint.apiClient();
        api.allowWaits();
        clock = endpoint.getClock();
        settings = PollSettings.of(endpoint.getConfiguration(), api.tenant(), endpoint.channel(), clock);
        query = new AuditQuery(api.tenant(), settings.pageSize(), settings.filter(), settings.source());
        pager = new AuditPager(api);
        repository = endpoint.getConfiguration().getCursorRepository();
        if (repository == null) {
            repository = new MemoryStateRepository();
            ServiceHelper.startService(repository);
        } else {
            // the user's repository may serve several routes: it lives as long as the context, not this route
            synchronized (repository) {
                if (!endpoint.getCamelContext().hasService(repository)) {
                    endpoint.getCamelContext().addService(repository, true, false);
                }
            }
            // returns once started, also when another route's consumer is starting it at this moment
            ServiceHelper.startService(repository);
        }
        // a hybrid endpoint keeps delivered ids a lookback longer, for Qlik's webhook retries
        store = new PositionStore(repository, settings.stateKey(), settings.lookback(),
                monitor != null ? settings.lookback() : Duration.ZERO, clock);
        position = store.load(settings.since());
        if (monitor != null) {
            position.sweepFromFloor();
            replicas = endpoint.getConfiguration().getIdempotentRepository();
            HealthCheckRegistry health = HealthCheckRegistry.get(endpoint.getCamelContext());
            if (health != null) {
                health.register(monitor);
            }
        }
        backfill = new Backfill(api, clock);
        backfill.prepare(position);
        LOG.info("{} {} events of tenant {} ({}) from {} with state key {}",
                monitor == null ? "Polling" : "Sweeping, beside the webhook,", endpoint.channel(),
                api.tenant().host(), settings.filter(),
                monitor == null ? position.tailFrom(clock.instant()) : position.sweepFrom(settings.lookback(),
                        clock.instant()), store.key());
        if (MICROMETER_PRESENT) {
            // a hybrid endpoint's sweeping consumer is no route's consumer: its health check id stands for it
            gauges = PollerGauges.register(endpoint.getCamelContext(), this, api.tenant().host(),
                    endpoint.channel().uriName(), getRouteId() != null ? getRouteId()
                            : monitor != null ? monitor.getId() : endpoint.getEndpointKey());
        }
        if (getScheduledExecutorService() == null) {
            ScheduledExecutorService pool = PollerThreads.acquire(endpoint.getConfiguration().getPollerThreads());
            setScheduledExecutorService(pool);
            if (getScheduler() instanceof DefaultScheduledPollConsumerScheduler restarted) {
                // a route started again keeps the scheduler it had, which let go of the pool when it stopped
                restarted.setScheduledExecutorService(pool);
            }
            sharedThreads = true;
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        if (api != null) {
            api.cancelWaits();
        }
        if (gauges != null) {
            gauges.remove();
            gauges = null;
        }
        HealthCheckRegistry health = monitor != null ? HealthCheckRegistry.get(endpoint.getCamelContext()) : null;
        if (health != null) {
            health.unregister(monitor);
        }
        super.doStop();
        if (sharedThreads) {
            setScheduledExecutorService(null);
            sharedThreads = false;
            PollerThreads.release();
        }
        if (store != null && !claimLost) {
            try {
                save();
            } catch (LostClaimException e) {
                // logged by save: the position is the new owner's now
            }
        }
        if (endpoint.getConfiguration().getCursorRepository() == null) {
            ServiceHelper.stopService(repository);
        }
    }

    @Override
    protected int poll() throws Exception {
        if (claimLost) {
            return 0;
        }
        try {
            return pollOnce();
        } catch (LostClaimException e) {
            return 0;
        }
    }

    private int pollOnce() throws Exception {
        // must reset for each poll
        shutdownRunningTask = null;
        pendingExchanges = 0;
        remaining = getMaxMessagesPerPoll() > 0 ? getMaxMessagesPerPoll() : Integer.MAX_VALUE;
        stopped = false;
        int delivered = 0;
        if (position.archiveDay() != null) {
            delivered += backfill();
            if (position.archiveDay() != null) {
                return delivered;
            }
        }
        Instant now = clock.instant();
        Instant sweepFrom = position.sweepFrom(settings.lookback(), now);
        Instant sweepTo = now.minus(settings.lookback());
        if (!settings.sweepInterval().isZero() && !sweepTo.isBefore(sweepFrom.plus(settings.sweepInterval()))) {
            long webhookDeliveries = webhookDelivered.get();
            int swept = sweep(sweepTo);
            // the webhook brought nothing since the last sweep, which found events: it may be disabled; while it
            // delivers, looking costs nothing
            if (monitor != null && swept > 0 && webhookDeliveries == webhookDeliveriesAtLastSweep) {
                monitor.check();
            }
            webhookDeliveriesAtLastSweep = webhookDeliveries;
            delivered += swept;
        }
        if (!stopped && monitor == null) {
            delivered += tail();
        }
        return delivered;
    }

    /**
     * Reads archive days in turn, each in time order, page by page, until the last one (the day of the list's oldest
     * event), then hands over to the list. Stops where the poll stops; the position says which day and item.
     */
    private int backfill() throws Exception {
        int delivered = 0;
        while (!stopped && isBatchAllowed() && position.archiveDay() != null) {
            LocalDate day = position.archiveDay();
            if (day.isAfter(backfill.lastDay())) {
                position.handOver(clock.instant(), settings.lookback());
                save();
                backfill.handedOver(position.tailFrom(clock.instant()));
                break;
            }
            int dayDelivered = 0;
            try (ArchiveDay archive = ArchiveDay.fetch(api, day)) {
                if (!archive.found()) {
                    backfill.missing(day);
                }
                archived = true;
                while (!stopped && isBatchAllowed() && position.archiveIndex() < archive.size()) {
                    dayDelivered += processBatch(CastUtils.cast(
                            archive.page(position.archiveIndex(), settings.pageSize()).items()));
                    position.archiveAdvanced(handled);
                    save();
                }
                if (position.archiveIndex() >= archive.size()) {
                    position.nextArchiveDay();
                    save();
                    backfill.dayDone(day, archive.size(), dayDelivered);
                }
            } catch (QlikAuthenticationException e) {
                if (e.getStatus() != 403) {
                    throw e;
                }
                backfill.forbidden(day, e.getMessage());
                position.handOver(clock.instant(), settings.lookback());
                save();
            } finally {
                archived = false;
            }
            delivered += dayDelivered;
        }
        return delivered;
    }

    /** Everything from the watermark on: one request when nothing is new, one per page of new events. */
    private int tail() throws Exception {
        int delivered = 0;
        pager.restart(() -> {
            Instant now = clock.instant();
            return query.firstPage(position.tailFrom(now), now);
        });
        AuditPage page;
        while (!stopped && isBatchAllowed() && (page = pager.next()) != null) {
            delivered += processBatch(CastUtils.cast(page.items()));
            save();
        }
        return delivered;
    }

    /**
     * Re-reads, once, the events from where the last sweep got to up to {@code to} (whose lookback has passed, so
     * Qlik shows them all by now), and delivers those not delivered yet: the events Qlik indexed late. Moves the
     * swept mark page by page, so a restart resumes the sweep.
     */
    private int sweep(Instant to) throws Exception {
        int delivered = 0;
        pager.restart(() -> query.between(position.sweepFrom(settings.lookback(), clock.instant()), to));
        AuditPage page;
        while (!stopped && isBatchAllowed() && (page = pager.next()) != null) {
            Instant pageEnd = lastTime(page);
            delivered += processBatch(CastUtils.cast(page.items()));
            if (!stopped && pageEnd != null) {
                position.sweptTo(pageEnd);
            }
            save();
        }
        if (!stopped && isBatchAllowed()) {
            position.sweptTo(to);
            save();
            lastSweep.set(clock.instant());
        }
        eventsFromSweeps.addAndGet(delivered);
        if (delivered > 0) {
            LOG.info("Sweep of tenant {} up to {} delivered {} events the tail had not seen (indexed late by Qlik, or"
                     + " published while the consumer was stopped)", api.tenant().host(), to, delivered);
        }
        return delivered;
    }

    /**
     * Stores the position; when another poller has claimed it (this one was paused past its leadership, say), the
     * write is refused and this consumer stops polling and delivering for good: a new consumer claims it again when
     * this replica is made leader again.
     */
    private void save() {
        try {
            store.save(position);
        } catch (LostClaimException e) {
            if (!claimLost) {
                claimLost = true;
                stopped = true;
                LOG.warn("Lost the claim on the poll position of {} (key {}): another poller took over, so this one "
                         + "stops polling and delivering; it starts again when it is made leader again",
                        endpoint.channel(), store.key());
            }
            throw e;
        }
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

    /**
     * Delivers one page, in order, each exchange completing before the next item is looked at; stops the poll at the
     * first failed exchange (its event comes again on the next poll) or at the poll's limit.
     */
    @Override
    public int processBatch(Queue<Object> items) throws Exception {
        int delivered = 0;
        handled = 0;
        int size = items.size();
        if (claimLost) {
            stopped = true;
            return 0;
        }
        for (int index = 0; index < size && isBatchAllowed(); index++) {
            PolledItem item = (PolledItem) items.poll();
            pendingExchanges = size - index - 1;
            if (item.id() != null && position.delivered(item.id()) || archived && beforeStart(item)) {
                handled++;
                continue;
            }
            if (item.event() != null && !settings.filter().accepts(item.type())) {
                position.passed(item.time(), clock.instant());
                handled++;
                continue;
            }
            if (remaining <= 0) {
                stopped = true;
                break;
            }
            if (item.id() != null && replicas != null && !replicas.add(item.id())) {
                // delivered (or being delivered) by a webhook handler, of this replica or another, as the shared
                // repository says: that handler completes it (or Qlik retries it when it fails)
                handled++;
                continue;
            }
            if (item.id() != null && !position.claim(item.id())) {
                if (position.delivered(item.id())) {
                    handled++;
                    continue;
                }
                // a webhook delivery of this event is under way: the sweep stops here and looks again next time
                stopped = true;
                break;
            }
            Exchange exchange = createExchange(item, index, size);
            try {
                getProcessor().process(exchange);
                if (exchange.isFailed()) {
                    eventsFailed.incrementAndGet();
                    getExceptionHandler().handleException("Delivering event " + item.id()
                                                          + " failed; it is delivered again on the next poll",
                            exchange, exchange.getException());
                    stopped = true;
                    break;
                }
                delivered++;
                handled++;
                remaining--;
            } finally {
                releaseExchange(exchange, false);
            }
        }
        if (handled < size) {
            // the consumer is stopping: the rest of the page was not looked at, so no mark may move past it
            stopped = true;
        }
        return delivered;
    }

    /** An archive item from before where polling starts (the since option, or what was delivered before). */
    private boolean beforeStart(PolledItem item) {
        Instant time = item.time();
        return time != null && time.isBefore(position.tailFrom(clock.instant()));
    }

    private Exchange createExchange(PolledItem item, int index, int size) {
        Exchange exchange = createExchange(false);
        exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
        exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, size);
        exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == size - 1);
        if (item.event() != null) {
            EventHeaders.apply(item.event(), exchange.getMessage());
        } else {
            // an invalid item goes to the error handler with its raw JSON, so a dead letter channel can keep it
            exchange.getMessage().setBody(item.raw());
            if (item.id() != null) {
                exchange.getMessage().setHeader(QlikLicenseEventsConstants.EVENT_ID, item.id());
            }
            if (item.type() != null) {
                exchange.getMessage().setHeader(QlikLicenseEventsConstants.EVENT_TYPE, item.type());
            }
            exchange.setException(item.error());
        }
        if (archived) {
            exchange.getMessage().setHeader(QlikLicenseEventsConstants.ARCHIVED, true);
        }
        if (monitor != null) {
            exchange.getMessage().setHeader(QlikLicenseEventsConstants.RECONCILED, true);
        }
        Instant time = item.time();
        boolean fromArchive = archived;
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange completed) {
                completed(item.id(), time);
                if (replicas != null && item.id() != null) {
                    replicas.confirm(item.id());
                }
                if (fromArchive) {
                    backfill.delivered();
                }
            }

            @Override
            public void onFailure(Exchange failed) {
                if (item.id() != null) {
                    position.release(item.id());
                    if (replicas != null) {
                        replicas.remove(item.id());
                    }
                }
            }
        });
        return exchange;
    }

    private void completed(String id, Instant time) {
        position.markDelivered(id, time, clock.instant());
        eventsDelivered.incrementAndGet();
        if (time != null) {
            lastEventTime.accumulateAndGet(time, (a, b) -> a == null || b.isAfter(a) ? b : a);
        }
    }

    @Override
    public boolean claim(String id) {
        return position.claim(id);
    }

    /** A webhook delivery completed; the position is stored at most once a second for these (and by every sweep). */
    @Override
    public void delivered(String id, Instant time) {
        completed(id, time);
        webhookDelivered.incrementAndGet();
        long now = System.nanoTime();
        long saved = savedAtNanos.get();
        if (now - saved >= 1_000_000_000L && savedAtNanos.compareAndSet(saved, now)) {
            save();
        }
    }

    @Override
    public void release(String id) {
        position.release(id);
    }

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
        return status;
    }

    @ManagedAttribute(description = "Events delivered and completed")
    public long getEventsDelivered() {
        return eventsDelivered.get();
    }

    @ManagedAttribute(description = "Exchanges that failed (their events are delivered again)")
    public long getEventsFailed() {
        return eventsFailed.get();
    }

    @ManagedAttribute(description = "Times a 429 rate limit was waited out")
    public long getThrottledWaits() {
        return api == null ? 0 : api.throttledWaits();
    }

    @ManagedAttribute(description = "Milliseconds spent waiting out 429 rate limits")
    public long getThrottledMillis() {
        return api == null ? 0 : api.throttledMillis();
    }

    @ManagedAttribute(description = "Requests retried after 5xx, timeouts or connection errors")
    public long getRetries() {
        return api == null ? 0 : api.retries();
    }

    @ManagedAttribute(description = "eventTime of the newest event delivered")
    public String getLastEventTime() {
        Instant time = lastEventTime.get();
        return time == null ? null : time.toString();
    }

    @ManagedAttribute(description = "Requests sent to the tenant in the last minute, retries and token requests included")
    public int getRequestsLastMinute() {
        return api == null ? 0 : api.requestsLastMinute();
    }

    @ManagedAttribute(description = "Requests in the last minute as a percentage of Qlik's limit of 1,000 a minute")
    public int getRateLimitSharePercent() {
        return getRequestsLastMinute() * 100 / QLIK_REQUESTS_PER_MINUTE;
    }

    @ManagedAttribute(description = "The cap on requests a minute (maxRequestsPerMinute); 0 for none")
    public int getMaxRequestsPerMinute() {
        return api == null ? 0 : api.maxRequestsPerMinute();
    }

    @ManagedAttribute(description = "Times a request waited for maxRequestsPerMinute")
    public long getCappedWaits() {
        return api == null ? 0 : api.cappedWaits();
    }

    @ManagedAttribute(description = "Seconds between now and the eventTime of the newest event delivered")
    public Long getLagSeconds() {
        Instant time = lastEventTime.get();
        return time == null ? null : Duration.between(time, clock.instant()).toSeconds();
    }

    @ManagedAttribute(description = "When the last sweep for late events ended")
    public String getLastSweep() {
        Instant time = lastSweep.get();
        return time == null ? null : time.toString();
    }

    @ManagedAttribute(description = "Events delivered by sweeps: those the tail had not seen (indexed late by Qlik)")
    public long getEventsFromSweeps() {
        return eventsFromSweeps.get();
    }

    @ManagedAttribute(description = "The audit archive day being backfilled; null when the list is polled")
    public String getBackfillDay() {
        return backfill == null ? null : backfill.currentDay();
    }

    @ManagedAttribute(description = "Archive days left to backfill, the current one included; null when none ran")
    public Long getBackfillDaysLeft() {
        return backfill == null ? null : backfill.daysLeft();
    }

    @ManagedAttribute(description = "Estimated seconds left of the backfill, from the time per day so far")
    public Long getBackfillSecondsLeft() {
        return backfill == null ? null : backfill.secondsLeft();
    }

    @ManagedAttribute(description = "Events delivered from the audit archive")
    public long getBackfillEventsDelivered() {
        return backfill == null ? 0 : backfill.eventsDelivered();
    }

    @ManagedAttribute(description = "Whether another poller claimed the position, so this one stopped polling")
    public boolean isClaimLost() {
        return claimLost;
    }

    @ManagedAttribute(description = "The stored poll position (newest eventTime passed in order)")
    public String getWatermark() {
        Instant watermark = position == null ? null : position.watermark();
        return watermark == null ? null : watermark.toString();
    }
}
