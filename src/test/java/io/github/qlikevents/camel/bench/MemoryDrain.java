package io.github.qlikevents.camel.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
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
 */
public final class MemoryDrain {

    private MemoryDrain() {
    }

    public static void main(String[] args) throws Exception {
        int events = Integer.parseInt(args[0]);
        long[] result = drain(events);
        System.out.println("RESULT " + events + " " + result[0] + " " + result[1]);
    }

    /** Drains {@code events}; returns the elapsed nanoseconds and the peak heap after GC in bytes. */
    static long[] drain(int events) throws Exception {
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
        try (SandboxTenant tenant = PollThroughput.tenant(events); CamelContext camel = new DefaultCamelContext()) {
            CountDownLatch done = new CountDownLatch(events);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("qlik-license-events:licenses?tenantUrl=" + tenant.url() + "&apiKey=bench-key"
                         + "&since=P30D&pageSize=100&delay=10&initialDelay=0&maxRequestsPerMinute=0")
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
