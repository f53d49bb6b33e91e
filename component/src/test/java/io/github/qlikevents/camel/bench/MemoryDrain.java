package io.github.qlikevents.camel.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Memory: drain a backlog in poll mode and report the peak heap in use after a garbage collection. The suite runs it
 * in a JVM of its own with -Xmx64m; it prints one line, {@code RESULT events elapsedNanos peakHeapAfterGcBytes}.
 * Arguments: {@code list <events>} drains the Audits API list; {@code archive <days> <eventsPerDay>} backfills that
 * many days from the audit archive (every event older than the list keeps).
 */
public final class MemoryDrain {

    private MemoryDrain() {
    }

    public static void main(String[] args) throws Exception {
        boolean archive = "archive".equals(args[0]);
        int events = archive ? Integer.parseInt(args[1]) * Integer.parseInt(args[2]) : Integer.parseInt(args[1]);
        long[] result = archive ? backfill(Integer.parseInt(args[1]), Integer.parseInt(args[2])) : drain(events);
        System.out.println("RESULT " + events + " " + result[0] + " " + result[1]);
    }

    /** Drains {@code events} from the list; returns the elapsed nanoseconds and the peak heap after GC in bytes. */
    static long[] drain(int events) throws Exception {
        try (SandboxTenant tenant = PollThroughput.tenant(events)) {
            return drain(tenant, "since=P30D", events);
        }
    }

    /**
     * Backfills {@code days} whole UTC days of {@code perDay} events each, all older than the list's 90 days, from
     * the archive; returns the elapsed nanoseconds and the peak heap after GC in bytes.
     */
    static long[] backfill(int days, int perDay) throws Exception {
        Instant end = LocalDate.now(ZoneOffset.UTC).minusDays(91).atStartOfDay(ZoneOffset.UTC).toInstant();
        Duration spacing = Duration.ofNanos(Duration.ofDays(1).toNanos() / perDay);
        try (SandboxTenant tenant = SandboxTenant.builder().history((long) days * perDay, spacing, end)
                .apiKey("bench-key").threads(4).start()) {
            return drain(tenant, "since=" + end.minus(Duration.ofDays(days)), days * perDay);
        }
    }

    private static long[] drain(SandboxTenant tenant, String since, int events) throws Exception {
        AtomicLong peak = new AtomicLong();
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    long used = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                            .getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(pool -> heapPools.contains(pool.getKey()))
                            .mapToLong(pool -> pool.getValue().getUsed()).sum();
                    peak.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
        try (CamelContext camel = new DefaultCamelContext()) {
            CountDownLatch done = new CountDownLatch(events);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("qlik-license-events:licenses?tenantUrl=" + tenant.url() + "&apiKey=bench-key"
                         + "&" + since + "&pageSize=100&delay=10&initialDelay=0&maxRequestsPerMinute=0")
                            .process(e -> done.countDown());
                }
            });
            long start = System.nanoTime();
            camel.start();
            if (!done.await(30, TimeUnit.MINUTES)) {
                throw new IllegalStateException("not drained");
            }
            long elapsed = System.nanoTime() - start;
            // a full collection now, while everything is still running, and the heap it leaves in use
            System.gc();
            peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            return new long[] { elapsed, peak.get() };
        }
    }
}
