package io.github.qlikevents.camel.polling;

import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Where the poller's jobs (the tail, the sweep, the backfill) hand their pages: the consumer, which delivers each item
 * to the route as an exchange and stores the position.
 */
interface PageSink {

    /** Whether the poll goes on: no exchange failed, the poll's limit is not reached and the consumer is not stopping. */
    boolean more();

    /**
     * Delivers a page, in order, each exchange completing before the next item is looked at; stops at the first failed
     * exchange or at the poll's limit.
     *
     * @param  archived whether the page comes from the audit archive
     * @return          the events delivered
     */
    int deliver(Queue<PolledItem> page, boolean archived) throws Exception;

    /** Items of the last page done: delivered, or passed over (filtered, already delivered, before the start). */
    int handled();

    /** Whether the last page was cut short (a failed exchange, the poll's limit, the consumer stopping). */
    boolean stopped();

    /** Stores the position. */
    void save();

    /** Where pages read without waiting are delivered: the consumer's poller threads. */
    Executor deliveryThreads();
}
