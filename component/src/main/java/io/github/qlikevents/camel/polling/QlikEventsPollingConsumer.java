package io.github.qlikevents.camel.polling;

import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.qlikevents.camel.QlikLicenseEventsConstants;
import io.github.qlikevents.camel.QlikLicenseEventsEndpoint;
import io.github.qlikevents.camel.decoding.EventHeaders;
import io.github.qlikevents.camel.http.Futures;
import io.github.qlikevents.camel.http.QlikApiClient;
import io.github.qlikevents.camel.http.QlikApiException;
import io.github.qlikevents.camel.state.LostClaimException;
import io.github.qlikevents.camel.webhook.DeliveredEvents;
import io.github.qlikevents.camel.webhook.WebhookMonitor;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.DefaultScheduledPollConsumerScheduler;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.CastUtils;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the tenant's Audits API oldest first and delivers each event of the channel once, in order. It wires the jobs
 * of a poll to Camel's lifecycle: the {@link Backfill} from the audit archive while the start point is older than the
 * list keeps, the {@link Sweep} for events Qlik indexed late, the {@link Tail} of what is new, all storing the
 * position through its {@link PositionClaim}. It delivers their pages as exchanges: the position moves only over
 * exchanges that completed, and at the first failed exchange the poll stops, so that event comes again on the next
 * poll. In hybrid mode (created by a webhook endpoint with reconcile=true) it only sweeps, and its
 * {@link HybridDeliveries} are what the webhook handler claims events with.
 */
@ManagedResource(description = "Qlik events Audits API poller")
public class QlikEventsPollingConsumer extends ManagedAuditPoller implements PageSink, DeliveredEvents {

    private static final Logger LOG = LoggerFactory.getLogger(QlikEventsPollingConsumer.class);
    /** How long a stop waits for a poll under way to deliver the exchange in hand. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    private static final boolean MICROMETER_PRESENT = ObjectHelper.loadClass(
            "io.micrometer.core.instrument.MeterRegistry", QlikEventsPollingConsumer.class.getClassLoader()) != null;

    private final QlikLicenseEventsEndpoint endpoint;
    private final PollerStatistics statistics = new PollerStatistics();
    /** Set in hybrid mode: the webhook delivers live, this consumer only sweeps. */
    private final WebhookMonitor monitor;
    private QlikApiClient api;
    private Clock clock;
    private PollSettings settings;
    private StateRepository<String, String> repository;
    private PositionClaim position;
    private Backfill backfill;
    private Sweep sweep;
    private Tail tail;
    private HybridDeliveries hybrid;
    /**
     * In hybrid mode, the idempotentRepository the webhook handlers of every replica share, if one is set: the sweep
     * skips what another replica's webhook delivered.
     */
    private IdempotentRepository replicas;
    /** Items of the last page done: delivered, or passed over (filtered, already delivered, before the start). */
    private int handled;
    /** Deliveries this poll may still make (maxMessagesPerPoll). */
    private int remaining;
    /** Set when an exchange failed or the poll's limit was reached: the poll ends after the current page. */
    private boolean stopped;
    /** The Micrometer gauges of this poller, when Micrometer is on the classpath. */
    private PollerGauges gauges;
    /** Whether this consumer runs on the JVM's shared poller threads (no scheduledExecutorService of its own). */
    private boolean sharedThreads;
    /** The route this consumer delivers to, as {@link #routeId()} tells. */
    private String routeId;
    /** Whether another consumer (camel-master's) is the route's and runs this one. */
    private boolean delegated;
    /** Set when the route shuts down or suspends: a poll in a wait ends at once, quietly. */
    private volatile boolean shuttingDown;
    /** The poll under way while it waits for the tenant or delivers what it read; null between polls. */
    private volatile CompletableFuture<Integer> running;

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
    PollerStatistics statistics() {
        return statistics;
    }

    /** The position and the claim on it; null before the consumer started. */
    PositionClaim positionClaim() {
        return position;
    }

    /** What the poller's requests wait for now; empty when nothing. */
    List<String> waitingFor() {
        return api == null ? List.of() : api.waitingFor();
    }

    Duration stallTimeout() {
        return settings.stallTimeout();
    }

    /**
     * The id of the route this consumer delivers to; under {@code master:} (where camel-master's consumer is the
     * route's and starts this one on the leader) the route whose processor it was given; for the sweeping consumer of a
     * hybrid endpoint, which no route knows, its webhook monitor's id.
     */
    public String routeId() {
        return routeId;
    }

    @Override
    protected void doBuild() throws Exception {
        Route route = monitor != null ? null : getRoute() != null ? getRoute()
                : endpoint.getCamelContext().getRoutes().stream().filter(r -> r.getProcessor() == getProcessor())
                        .findFirst().orElse(null);
        delegated = route != null && route.getConsumer() != this;
        routeId = monitor != null ? monitor.getId() : route != null ? route.getRouteId() : endpoint.getEndpointKey();
        setHealthCheck(new PollerHealthCheck(this, "consumer:" + routeId));
        super.doBuild();
    }

    @Override
    protected void doStart() throws Exception {
        api = endpoint.apiClient();
        api.allowWaits();
        shuttingDown = false;
        clock = endpoint.getClock();
        settings = PollSettings.of(endpoint.getConfiguration(), api.tenant(), endpoint.channel(), clock,
                Duration.ofMillis(getTimeUnit().toMillis(getDelay())));
        if (endpoint.firstPollerStart()) {
            AuditVocabulary.check(api, endpoint.getConfiguration().getSource(), settings.filter().namedTypes());
        }
        startRepository();
        // a hybrid endpoint keeps delivered ids a lookback longer, for Qlik's webhook retries
        PositionStore store = new PositionStore(repository, settings.stateKey(), settings.lookback(),
                monitor != null ? settings.lookback() : Duration.ZERO, clock);
        position = new PositionClaim(store, settings.since(), holderName(), endpoint.channel().toString(), clock,
                this::prepare);
        AuditQuery query = new AuditQuery(api.tenant(), settings.pageSize(), settings.filter(), settings.source());
        AuditPager pager = new AuditPager(api);
        if (monitor != null) {
            replicas = endpoint.getConfiguration().getIdempotentRepository();
            hybrid = new HybridDeliveries(position, statistics::delivered);
            HealthCheckRegistry health = HealthCheckRegistry.get(endpoint.getCamelContext());
            if (health != null) {
                health.register(monitor);
            }
        }
        backfill = new Backfill(api, clock, settings.pageSize(), settings.lookback());
        sweep = new Sweep(pager, query, settings, clock, api.tenant().host(), statistics, hybrid, monitor);
        tail = new Tail(pager, query, clock);
        statistics.started(api, backfill, position, clock);
        try {
            position.acquire();
        } catch (RuntimeCamelException e) {
            if (!(e.getCause() instanceof SQLException)) {
                throw e;
            }
            LOG.warn("Could not claim the poll position of {} (key {}) at start: {}; every poll tries again",
                    endpoint.channel(), position.key(), e.getMessage());
        }
        if (MICROMETER_PRESENT) {
            gauges = PollerGauges.register(endpoint.getCamelContext(), this, api.tenant().host(),
                    endpoint.channel().uriName(), routeId);
        }
        useSharedThreads();
        super.doStart();
        endpoint.pollerStarted(this);
        if (delegated) {
            // under master: the route's consumer is camel-master's, so Camel does not know this one's check
            HealthCheckRegistry health = HealthCheckRegistry.get(endpoint.getCamelContext());
            if (health != null) {
                health.register(getHealthCheck());
            }
        }
    }

    /**
     * A position was read (at the first claim, or after taking the claim over from a poller whose lease lapsed): a
     * backfill starts when it is older than the list keeps, and a hybrid endpoint sweeps from its start.
     */
    private void prepare(PollPosition loaded) {
        if (monitor != null) {
            loaded.sweepFromFloor();
        }
        backfill.prepare(loaded);
        LOG.info("{} {} events of tenant {} ({}) from {} with state key {}",
                monitor == null ? "Polling" : "Sweeping, beside the webhook,", endpoint.channel(),
                api.tenant().host(), settings.filter(),
                monitor == null ? loaded.tailFrom(clock.instant()) : loaded.sweepFrom(settings.lookback(),
                        clock.instant()), position.key());
    }

    /** How this poller names itself in the lease on its position: process, host and Camel context. */
    private String holderName() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + endpoint.getCamelContext().getName();
    }

    /**
     * Starts the cursorRepository, or a memory one when none is set. The user's repository may serve several routes:
     * it lives as long as the context, not this route, and is started once, also when another route's consumer is
     * starting it at this moment.
     */
    private void startRepository() throws Exception {
        repository = endpoint.getConfiguration().getCursorRepository();
        if (repository == null) {
            repository = new MemoryStateRepository();
        } else {
            synchronized (repository) {
                if (!endpoint.getCamelContext().hasService(repository)) {
                    endpoint.getCamelContext().addService(repository, true, false);
                }
            }
        }
        ServiceHelper.startService(repository);
    }

    /** Runs on the context's shared poller threads unless the endpoint has a scheduledExecutorService of its own. */
    private void useSharedThreads() {
        if (getScheduledExecutorService() == null) {
            ScheduledExecutorService pool = PollerThreads.of(endpoint.getCamelContext())
                    .acquire(endpoint.getConfiguration().getPollerThreads());
            setScheduledExecutorService(pool);
            if (getScheduler() instanceof DefaultScheduledPollConsumerScheduler restarted) {
                // a route started again keeps the scheduler it had, which let go of the pool when it stopped
                restarted.setScheduledExecutorService(pool);
            }
            sharedThreads = true;
        }
    }

    /**
     * The route is shutting down (or suspending): a poll waiting for the request cap or a 429 ends now, as Camel's
     * graceful shutdown waits for a poll under way; a page being delivered stops after the exchange in hand.
     */
    @Override
    public boolean deferShutdown(ShutdownRunningTask task) {
        shuttingDown = true;
        api.cancelWaits();
        return super.deferShutdown(task);
    }

    @Override
    protected void doResume() throws Exception {
        shuttingDown = false;
        api.allowWaits();
        super.doResume();
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
        HealthCheckRegistry health = HealthCheckRegistry.get(endpoint.getCamelContext());
        if (health != null && monitor != null) {
            health.unregister(monitor);
        }
        endpoint.pollerStopped(this);
        if (health != null && delegated) {
            health.unregister(getHealthCheck());
        }
        super.doStop();
        awaitRunningPoll();
        if (sharedThreads) {
            setScheduledExecutorService(null);
            sharedThreads = false;
            PollerThreads.of(endpoint.getCamelContext()).release();
        }
        if (position != null) {
            try {
                position.save();
                position.release();
            } catch (LostClaimException e) {
                // logged by save: the position is the new owner's now
            } catch (RuntimeException e) {
                LOG.warn("Stopping the poller of {} (key {}): {}; the next poller resumes from the position stored "
                         + "before", endpoint.channel(), position.key(), e.getMessage());
            }
        }
        if (endpoint.getConfiguration().getCursorRepository() == null) {
            ServiceHelper.stopService(repository);
        }
    }

    /**
     * Starts a poll, unless the last one still waits for the tenant (it goes on; this tick only renews the claim).
     * The poll reads each page without holding a thread while the tenant answers, and delivers on the poller threads.
     * A poll that ends at once (an error before any request, a transport that answers at once) counts here; one that
     * waited is reported at the next tick: its failure is thrown there, so Camel's health check, backoff and
     * exception handler see it.
     */
    @Override
    protected int poll() throws Exception {
        boolean held = position.acquire();
        CompletableFuture<Integer> last = running;
        if (last != null) {
            if (!last.isDone()) {
                return 0;
            }
            running = null;
            outcome(last);
        }
        if (!held) {
            return 0;
        }
        // must reset for each poll
        shutdownRunningTask = null;
        pendingExchanges = 0;
        remaining = getMaxMessagesPerPoll() > 0 ? getMaxMessagesPerPoll() : Integer.MAX_VALUE;
        stopped = false;
        CompletableFuture<Integer> poll = settled(jobs(position.current()));
        if (!poll.isDone()) {
            running = poll;
            return 0;
        }
        return outcome(poll);
    }

    /** The backfill (from the archive, on this thread), else the sweep when due and then the tail. */
    private CompletableFuture<Integer> jobs(PollPosition current) {
        int backfilled;
        try {
            backfilled = current.archiveDay() != null ? backfill.run(current, this) : 0;
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
        if (current.archiveDay() != null) {
            return CompletableFuture.completedFuture(backfilled);
        }
        return sweep.runIfDue(current, this)
                .thenCompose(swept -> stopped || monitor != null ? CompletableFuture.completedFuture(swept)
                        : tail.run(current, this).thenApply(tailed -> swept + tailed))
                .thenApply(delivered -> {
                    if (!stopped) {
                        statistics.polled();
                    }
                    return backfilled + delivered;
                });
    }

    /** The poll with the ends that are no failure as none: a claim lost to another poller, a wait cut by a stop. */
    private CompletableFuture<Integer> settled(CompletableFuture<Integer> poll) {
        return poll.exceptionally(error -> {
            Throwable cause = Futures.cause(error);
            if (cause instanceof LostClaimException || shuttingDown && cause instanceof QlikApiException) {
                // the position stands where the last page left it
                return 0;
            }
            throw error instanceof CompletionException completion ? completion : new CompletionException(cause);
        });
    }

    /** The events a finished poll delivered, or its failure thrown as it was raised. */
    private static int outcome(CompletableFuture<Integer> poll) throws Exception {
        try {
            return poll.join();
        } catch (CompletionException e) {
            if (Futures.cause(e) instanceof Exception failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** Waits, up to {@link #STOP_WAIT}, for a poll under way to end: its waits were cut, only delivering is left. */
    private void awaitRunningPoll() {
        CompletableFuture<Integer> last = running;
        if (last != null) {
            try {
                last.get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.debug("The last poll of {} ended with {}", endpoint.channel(), e.getMessage());
            }
            running = null;
        }
    }

    @Override
    public Executor deliveryThreads() {
        return getScheduledExecutorService();
    }

    @Override
    public boolean more() {
        return !stopped && isBatchAllowed();
    }

    @Override
    public int handled() {
        return handled;
    }

    @Override
    public boolean stopped() {
        return stopped;
    }

    @Override
    public void save() {
        try {
            position.save();
            statistics.progressed();
        } catch (LostClaimException e) {
            stopped = true;
            throw e;
        }
    }

    @Override
    public int deliver(Queue<PolledItem> page, boolean archived) throws Exception {
        return processBatch(CastUtils.cast(page), archived);
    }

    @Override
    public int processBatch(Queue<Object> items) throws Exception {
        return processBatch(items, false);
    }

    /**
     * Delivers one page, in order, each exchange completing before the next item is looked at; stops the poll at the
     * first failed exchange (its event comes again on the next poll) or at the poll's limit.
     */
    private int processBatch(Queue<Object> items, boolean archived) throws Exception {
        int delivered = 0;
        handled = 0;
        int size = items.size();
        PollPosition current = position.current();
        for (int index = 0; index < size && isBatchAllowed(); index++) {
            PolledItem item = (PolledItem) items.poll();
            pendingExchanges = size - index - 1;
            if (item.id() != null && current.delivered(item.id()) || archived && beforeStart(current, item)) {
                handled++;
                continue;
            }
            if (item.event() != null && !settings.filter().accepts(item.type())) {
                current.passed(item.time(), clock.instant());
                handled++;
                continue;
            }
            if (remaining <= 0) {
                stopped = true;
                break;
            }
            if (!position.mayDeliver()) {
                // another poller claimed the position, or the lease could not be renewed in time
                stopped = true;
                break;
            }
            if (item.id() != null && replicas != null && !replicas.add(item.id())) {
                // delivered (or being delivered) by a webhook handler, of this replica or another, as the shared
                // repository says: that handler completes it (or Qlik retries it when it fails)
                handled++;
                continue;
            }
            if (item.id() != null && !current.claim(item.id())) {
                if (current.delivered(item.id())) {
                    handled++;
                    continue;
                }
                // a webhook delivery of this event is under way: the sweep stops here and looks again next time
                stopped = true;
                break;
            }
            Exchange exchange = createExchange(item, index, size, archived);
            try {
                getProcessor().process(exchange);
                if (exchange.isFailed()) {
                    statistics.failed();
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
    private boolean beforeStart(PollPosition current, PolledItem item) {
        Instant time = item.time();
        return time != null && time.isBefore(current.tailFrom(clock.instant()));
    }

    private Exchange createExchange(PolledItem item, int index, int size, boolean archived) {
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
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange completed) {
                position.completed(item.id(), item.time());
                statistics.delivered(item.time());
                if (replicas != null && item.id() != null) {
                    replicas.confirm(item.id());
                }
                if (archived) {
                    backfill.delivered();
                }
            }

            @Override
            public void onFailure(Exchange failed) {
                if (item.id() != null) {
                    position.current().release(item.id());
                    if (replicas != null) {
                        replicas.remove(item.id());
                    }
                }
            }
        });
        return exchange;
    }

    @Override
    public boolean claim(String id) {
        return hybrid.claim(id);
    }

    @Override
    public void delivered(String id, Instant time) {
        hybrid.delivered(id, time);
    }

    @Override
    public void release(String id) {
        hybrid.release(id);
    }
}
