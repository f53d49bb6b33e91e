package io.github.qlikevents.camel.polling;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;

/**
 * The one scheduled thread pool every poller of a Camel context runs on, unless its endpoint sets
 * scheduledExecutorService: hundreds of tenants take a few threads, not one each, and the pollers of one context
 * never wait for the threads of another. It grows to the largest pollerThreads asked for, and ends when the last
 * poller using it stops.
 */
final class PollerThreads {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private ScheduledThreadPoolExecutor pool;
    private int users;

    private PollerThreads() {
    }

    /** The pollers' threads of this context (kept as a context plugin, so they go with the context). */
    static PollerThreads of(CamelContext context) {
        ExtendedCamelContext extension = context.getCamelContextExtension();
        synchronized (PollerThreads.class) {
            PollerThreads threads = extension.getContextPlugin(PollerThreads.class);
            if (threads == null) {
                threads = new PollerThreads();
                extension.addContextPlugin(PollerThreads.class, threads);
            }
            return threads;
        }
    }

    /** The pool, with at least {@code threads} threads; {@link #release()} once per call when done with it. */
    synchronized ScheduledExecutorService acquire(int threads) {
        if (pool == null) {
            String prefix = "qlik-events-poller-" + POOLS.incrementAndGet() + "-";
            AtomicInteger count = new AtomicInteger();
            pool = new ScheduledThreadPoolExecutor(threads, task -> {
                Thread thread = new Thread(task, prefix + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            pool.setRemoveOnCancelPolicy(true);
        } else if (threads > pool.getCorePoolSize()) {
            pool.setCorePoolSize(threads);
        }
        users++;
        return pool;
    }

    synchronized void release() {
        if (--users == 0) {
            pool.shutdown();
            pool = null;
        }
    }
}
