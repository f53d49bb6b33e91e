package io.github.qlikevents.camel.polling;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one scheduled thread pool every poller of the JVM runs on, unless its endpoint sets scheduledExecutorService:
 * hundreds of tenants take a few threads, not one each. It grows to the largest pollerThreads asked for, and ends
 * when the last poller using it stops.
 */
final class PollerThreads {

    private static ScheduledThreadPoolExecutor pool;
    private static int users;

    private PollerThreads() {
    }

    /** The pool, with at least {@code threads} threads; {@link #release()} once per call when done with it. */
    static synchronized ScheduledExecutorService acquire(int threads) {
        if (pool == null) {
            AtomicInteger count = new AtomicInteger();
            pool = new ScheduledThreadPoolExecutor(threads, task -> {
                Thread thread = new Thread(task, "qlik-events-poller-" + count.incrementAndGet());
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

    static synchronized void release() {
        if (--users == 0) {
            pool.shutdown();
            pool = null;
        }
    }
}
