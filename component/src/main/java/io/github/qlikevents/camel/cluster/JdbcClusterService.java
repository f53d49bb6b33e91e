package io.github.qlikevents.camel.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.github.qlikevents.camel.cluster.LeaderLeases.Lease;
import io.github.qlikevents.camel.jdbc.LeaseTiming;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leadership from a database alone, for replicas that share one but no ZooKeeper and no Kubernetes API: a Camel
 * {@link org.apache.camel.cluster.CamelClusterService} that {@code master:} finds like any other. It keeps one lease
 * row per namespace in a table it creates when absent (SQL that PostgreSQL, MySQL/MariaDB, SQL Server, Oracle and H2
 * take), on the same {@code DataSource} as the {@link io.github.qlikevents.camel.state.JdbcStateRepository} or
 * another. Every renewInterval a replica renews all its leases in one statement and reads the table in another;
 * leases expire by the database's clock. A replica whose renewal fails steps down leaseDuration less half a renewal
 * interval after its last renewal began (its monotonic clock), before its leases can be taken. Namespaces are spread
 * over the live replicas: each leads at most its share, ceil(namespaces / replicas). Its readiness check
 * ({@code jdbc-cluster-service}) is DOWN while the replica has stepped down for want of the database.
 */
public class JdbcClusterService extends AbstractCamelClusterService<JdbcClusterView> {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcClusterService.class);
    /** The table's default name. */
    public static final String DEFAULT_TABLE_NAME = "QLIK_EVENTS_LEADERS";
    /** The default of leaseDuration. */
    public static final String DEFAULT_LEASE_DURATION = "PT30S";
    /** The most a replica waits after its first read, so that the replicas starting with it show themselves. */
    private static final Duration SECOND_LOOK = Duration.ofSeconds(1);

    private DataSource dataSource;
    private String tableName = DEFAULT_TABLE_NAME;
    private String leaseDuration = DEFAULT_LEASE_DURATION;
    private String renewInterval;
    private LeaseTiming timing;
    private LeaderLeases leases;
    private ScheduledExecutorService executor;
    /**
     * Tells camel-master of leadership changes, in order, on a thread of its own: a listener that starts or stops
     * hundreds of consumers at once never holds up a renewal (which, late, would make the replica step down).
     */
    private ExecutorService events;
    private final Set<JdbcClusterView> joined = ConcurrentHashMap.newKeySet();
    /** Per namespace that reads in a row saw free and did not take, when the first of them ran (System.nanoTime). */
    private final Map<String, Long> freeSince = new HashMap<>();
    /** Namespaces given up since the live replicas last changed. */
    private final Set<String> released = new HashSet<>();
    /** Namespaces given up and then taken again as nobody else took them: kept until the live replicas change. */
    private final Set<String> adopted = new HashSet<>();
    /** The live replicas at the last read. */
    private List<String> lastMembers = List.of();
    private ScheduledFuture<?> nextRead;
    /** Whether a read runs: reads never overlap, and one asked for meanwhile comes after it. */
    private boolean reading;
    /** The soonest read asked for while one ran, {@code null} when none was. */
    private Duration askedWhileReading;
    private ScheduledFuture<?> stepDown;
    /** When the last successful renewal began (System.nanoTime). */
    private volatile long renewedAt;
    private boolean firstRead = true;
    /** Why the last renewal failed, {@code null} when it succeeded. */
    private volatile String renewalFailure;
    private final LeadershipHealthCheck healthCheck = new LeadershipHealthCheck(this);

    public JdbcClusterService() {
    }

    public JdbcClusterService(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    /** The database that holds the leadership table. */
    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String getTableName() {
        return tableName;
    }

    /** The table's name (letters, digits and underscores, optionally after a schema name and a dot). */
    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    public String getLeaseDuration() {
        return leaseDuration;
    }

    /**
     * How long leadership of a namespace runs after each renewal, by the database's clock: an ISO-8601 duration such
     * as PT30S, or milliseconds. A replica that dies is taken over from this long after its last renewal.
     */
    public void setLeaseDuration(String leaseDuration) {
        this.leaseDuration = leaseDuration;
    }

    public String getRenewInterval() {
        return renewInterval;
    }

    /**
     * How often a replica renews its leases and reads the table (two statements, whatever the number of namespaces):
     * an ISO-8601 duration or milliseconds, at most half of leaseDuration; a third of it by default.
     */
    public void setRenewInterval(String renewInterval) {
        this.renewInterval = renewInterval;
    }

    @Override
    protected void doStart() throws Exception {
        ObjectHelper.notNull(dataSource, "dataSource", this);
        ObjectHelper.notNull(getId(), "id (a name unique to this replica, such as its host name)", this);
        if (getId().isBlank()) {
            throw new IllegalArgumentException("JdbcClusterService: id must name this replica, such as its host name");
        }
        timing = LeaseTiming.of(leaseDuration, renewInterval);
        leases = new LeaderLeases(dataSource, tableName, timing);
        leases.create();
        executor = getCamelContext().getExecutorServiceManager().newScheduledThreadPool(this,
                "JdbcClusterService-" + getId(), 2);
        events = getCamelContext().getExecutorServiceManager().newSingleThreadExecutor(this,
                "JdbcClusterService-" + getId() + "-events");
        LOG.info("Replica {} takes leadership from table {} (leases of {}, renewed every {})", getId(), leases,
                timing.lease(), timing.renewInterval());
        renewedAt = System.nanoTime() - timing.actFor().toNanos();
        scheduleRead(Duration.ZERO);
        HealthCheckRegistry health = HealthCheckRegistry.get(getCamelContext());
        if (health != null) {
            health.register(healthCheck);
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        HealthCheckRegistry health = HealthCheckRegistry.get(getCamelContext());
        if (health != null) {
            health.unregister(healthCheck);
        }
        if (executor != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(executor);
            executor = null;
        }
        if (events != null) {
            // the views' last changes (nobody leads) still reach camel-master
            getCamelContext().getExecutorServiceManager().shutdownGraceful(events, timing.lease().toMillis());
            events = null;
        }
        try {
            leases.leave(getId());
        } catch (RuntimeException e) {
            LOG.warn("Replica {} could not release its leases when stopping ({}): they lapse after {}", getId(),
                    e.getMessage(), timing.lease());
        }
    }

    @Override
    protected JdbcClusterView createView(String namespace) {
        if (namespace.startsWith(LeaderLeases.REPLICA)) {
            throw new IllegalArgumentException("Namespace '" + namespace + "' starts with '" + LeaderLeases.REPLICA
                                               + "', which JdbcClusterService keeps for its replicas");
        }
        return new JdbcClusterView(this, namespace);
    }

    /** A view started: it is led from the next read, which comes at once. */
    void joined(JdbcClusterView view) {
        joined.add(view);
        scheduleRead(Duration.ZERO);
    }

    /** A view stopped: its lease is freed, so another replica takes it at once. */
    void left(JdbcClusterView view) {
        joined.remove(view);
        // when the service stops, one statement frees every lease of the replica
        if (view.leads() && !isStopping()) {
            try {
                leases.release(List.of(view.getNamespace()), getId());
            } catch (RuntimeException e) {
                LOG.warn("Replica {} could not release namespace {} ({}): it lapses after {}", getId(),
                        view.getNamespace(), e.getMessage(), timing.lease());
            }
        }
    }

    /** Renews, reads, gives up and takes; then tells the views, and reads again at the plan's time. */
    private void read() {
        Map<JdbcClusterView, String> leaders = new HashMap<>();
        List<String> members = List.of(getId());
        Duration next = timing.renewInterval();
        synchronized (this) {
            // this read is the one scheduled: the next is scheduled when it ends
            nextRead = null;
            reading = true;
        }
        // no lock is held while the database answers: routes starting meanwhile (their views join) never wait for it
        try {
            long start = System.nanoTime();
            leases.renew(getId());
            List<Lease> rows = leases.read();
            renewed(start);
            Set<String> listed = rows.stream().map(Lease::name).collect(Collectors.toSet());
            if (!listed.contains(LeaderLeases.REPLICA + getId())) {
                leases.addPresence(getId());
            }
            Map<String, JdbcClusterView> views = new HashMap<>();
            joined.forEach(view -> views.put(view.getNamespace(), view));
            List<String> unlisted = views.keySet().stream().filter(namespace -> !listed.contains(namespace)).toList();
            List<Lease> table = new ArrayList<>(rows);
            if (!unlisted.isEmpty()) {
                leases.addFree(unlisted);
                // free rows now: they count in the shares, and are taken in this read
                unlisted.forEach(namespace -> table.add(new Lease(namespace, null, 0)));
            }
            Map<String, Duration> freeFor = new HashMap<>();
            freeSince.forEach((namespace, since) -> freeFor.put(namespace, Duration.ofNanos(start - since)));
            LeadershipPlan plan = LeadershipPlan.of(getId(), views.keySet(), table, freeFor, released, adopted,
                    timing.renewInterval());
            if (!plan.members().equals(lastMembers)) {
                // a replica came or went: every namespace counts in the shares again
                released.clear();
                adopted.clear();
                lastMembers = plan.members();
            }
            Map<String, String> holders = new HashMap<>(plan.leaders());
            if (!plan.release().isEmpty()) {
                leases.release(plan.release(), getId());
                holders.keySet().removeAll(plan.release());
                released.addAll(plan.release());
            }
            if (!firstRead && !plan.take().isEmpty()) {
                leases.take(plan.take(), getId()).forEach(namespace -> {
                    holders.put(namespace, getId());
                    if (plan.adopt().contains(namespace)) {
                        adopted.add(namespace);
                    }
                });
            }
            adopted.removeIf(namespace -> !getId().equals(holders.get(namespace)));
            views.keySet().forEach(namespace -> freeSince.putIfAbsent(namespace, start));
            freeSince.keySet().removeIf(namespace -> holders.containsKey(namespace)
                                                      || !views.containsKey(namespace));
            views.forEach((namespace, view) -> leaders.put(view, holders.get(namespace)));
            members = plan.members();
            next = firstRead && SECOND_LOOK.compareTo(plan.wakeIn()) < 0 ? SECOND_LOOK : plan.wakeIn();
            firstRead = false;
        } catch (RuntimeException e) {
            if (renewalFailure == null) {
                LOG.warn("Replica {} could not renew its leadership leases ({}): it leads on until {} after the last"
                         + " renewal, then steps down until the table can be reached again", getId(),
                        e.getMessage(), timing.actFor());
            }
            renewalFailure = String.valueOf(e.getMessage());
            // the views stay as they are: the step-down, when no renewal succeeds in time, takes leadership away
        } finally {
            synchronized (this) {
                reading = false;
                if (askedWhileReading != null && askedWhileReading.compareTo(next) < 0) {
                    next = askedWhileReading;
                }
                askedWhileReading = null;
                LOG.debug("Replica {} read the leadership table: next read in {}", getId(), next);
                scheduleRead(next);
            }
        }
        List<String> live = members;
        leaders.forEach((view, leader) -> view.seen(leader, live));
    }

    private void renewed(long start) {
        renewedAt = start;
        if (renewalFailure != null) {
            renewalFailure = null;
            LOG.info("Replica {} renewed its leadership leases again", getId());
        }
        if (stepDown != null) {
            stepDown.cancel(false);
        }
        stepDown = executor.schedule(this::stepDownWhenOverdue, timing.actFor().toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Why the last renewal failed, {@code null} when it succeeded (or none was tried yet). */
    String renewalFailure() {
        return renewalFailure;
    }

    /** Whether no renewal succeeded for leaseDuration less half a renewal interval, so the replica leads nothing. */
    boolean steppedDown() {
        return System.nanoTime() - renewedAt >= timing.actFor().toNanos();
    }

    /** The namespaces this replica leads, sorted. */
    List<String> ledNamespaces() {
        return joined.stream().filter(JdbcClusterView::leads).map(JdbcClusterView::getNamespace).sorted().toList();
    }

    /** No renewal succeeded in time: leads nothing more until one does, before any lease can be taken over. */
    private void stepDownWhenOverdue() {
        if (!steppedDown()) {
            return;
        }
        List<JdbcClusterView> leading = joined.stream().filter(JdbcClusterView::leads).toList();
        if (!leading.isEmpty()) {
            LOG.warn("Replica {} could not renew its leases within {}: it steps down from {} namespaces before another "
                     + "replica may take them", getId(), timing.actFor(), leading.size());
        }
        leading.forEach(view -> view.seen(null, List.of(getId())));
    }

    /** Runs a view's leadership event on the events thread, after those before it; here when it has stopped. */
    void tell(Runnable event) {
        ExecutorService thread = events;
        try {
            if (thread != null) {
                thread.execute(event);
                return;
            }
        } catch (RejectedExecutionException e) {
            // stopping: tell at once
        }
        event.run();
    }

    /** Runs a view's leadership event on the events thread {@code in} from now. */
    void tellIn(Duration in, Runnable event) {
        ScheduledExecutorService timer = executor;
        try {
            if (timer != null) {
                timer.schedule(() -> tell(event), in.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (RejectedExecutionException e) {
            // stopping: the views' last changes were told
        }
    }

    private synchronized void scheduleRead(Duration in) {
        if (executor == null) {
            return;
        }
        if (reading) {
            askedWhileReading = askedWhileReading == null || in.compareTo(askedWhileReading) < 0 ? in
                    : askedWhileReading;
            return;
        }
        if (nextRead != null) {
            if (nextRead.getDelay(TimeUnit.NANOSECONDS) <= in.toNanos()) {
                return;
            }
            nextRead.cancel(false);
        }
        nextRead = executor.schedule(this::read, in.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public String toString() {
        return "JdbcClusterService[" + getId() + ", " + tableName + "]";
    }
}
