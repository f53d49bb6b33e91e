package io.github.qlikevents.camel.polling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import io.github.qlikevents.camel.jdbc.LeaseTiming;
import io.github.qlikevents.camel.state.FencedStateRepository;
import io.github.qlikevents.camel.state.LeaseInfo;
import io.github.qlikevents.camel.state.LostClaimException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poller's position and its claim on it. In a plain repository the poller simply holds it. In a
 * {@link FencedStateRepository} the claim is leased, and the claim goes through three states, each with a way out:
 * <ul>
 * <li>unclaimed, until the first claim succeeds (the database may be down at start): it claims the key, taking it
 * from any earlier poller (a new leader takes over at once), and reads the position;</li>
 * <li>holding: renews the lease every renewInterval while it polls (every save renews it too), and delivers only while
 * the lease runs on its own monotonic clock, so that a poller that could not renew (the database down, the process
 * paused) stops before another may take over; a refused renewal or write means another poller claimed the key:
 * standby;</li>
 * <li>standby: another poller holds the key; every renewInterval (or when the holder's lease is due to end) it looks
 * again, and claims the key once the holder's lease lapsed by the database's clock, then reads the position again.
 * A poller whose leadership camel-master never took away thus comes back when the one that deposed it dies.</li>
 * </ul>
 */
final class PositionClaim {

    private static final Logger LOG = LoggerFactory.getLogger(PositionClaim.class);

    /** Where a claim stands. */
    enum State {
        UNCLAIMED,
        HOLDING,
        STANDBY
    }

    private final PositionStore store;
    private final FencedStateRepository fenced;
    private final LeaseTiming timing;
    private final Instant since;
    private final String holder;
    private final String channel;
    private final Clock clock;
    private final Consumer<PollPosition> loaded;
    private volatile State state = State.UNCLAIMED;
    private volatile PollPosition position;
    private String claim;
    /** When the last claim, renewal or write that renewed the lease started (System.nanoTime). */
    private volatile long renewedAt;
    /** In standby, when to look at the lease again (System.nanoTime). */
    private long lookAt;
    /** Whether renewals are failing (the database cannot be reached), so that it is logged once. */
    private boolean renewalFailing;
    /** Who held the lease when last seen, and when it was to end then. */
    private volatile String leaseHolder;
    private volatile Instant leaseEnd;

    /**
     * @param since   where a position that was never stored starts
     * @param holder  how this poller names itself to others, in the lease
     * @param channel the channel, for the log
     * @param loaded  told each position read (at the first claim, and after each claim from standby)
     */
    PositionClaim(PositionStore store, Instant since, String holder, String channel, Clock clock,
                  Consumer<PollPosition> loaded) {
        this.store = store;
        this.fenced = store.fenced();
        this.timing = fenced == null ? null : fenced.leaseTiming();
        this.since = since;
        this.holder = holder;
        this.channel = channel;
        this.clock = clock;
        this.loaded = loaded;
        // until the first claim reads the stored one (the database may be down at start)
        this.position = new PollPosition(since);
    }

    /**
     * Before a poll: claims the position the first time, renews the lease when due, and in standby claims it when the
     * holder's lease lapsed.
     *
     * @return whether this poller holds the position, so the poll may go on
     */
    synchronized boolean acquire() {
        switch (state) {
            case UNCLAIMED -> {
                long start = System.nanoTime();
                claim = fenced == null ? null : fenced.claim(store.key(), holder);
                hold(start);
                return true;
            }
            case STANDBY -> {
                return lookAgain();
            }
            default -> {
                return renewIfDue();
            }
        }
    }

    /** Before each delivery: whether this poller holds the position and its lease runs (renewed first when due). */
    synchronized boolean mayDeliver() {
        return state == State.HOLDING && renewIfDue();
    }

    PollPosition current() {
        return position;
    }

    /** An event was delivered and completed; {@code time} is its eventTime, null when it had none. */
    void completed(String id, Instant time) {
        position.markDelivered(id, time, clock.instant());
    }

    /**
     * Stores the position, which renews the lease; nothing in standby (the holder stores it).
     *
     * @throws LostClaimException when another poller claimed the position since: this one is in standby now
     */
    synchronized void save() {
        if (state != State.HOLDING) {
            return;
        }
        long start = System.nanoTime();
        try {
            store.save(position, claim);
            if (fenced != null) {
                renewed(start);
            }
        } catch (LostClaimException e) {
            standby();
            throw e;
        } catch (RuntimeException e) {
            if (fenced == null) {
                throw e;
            }
            // what was delivered since the last write is not stored: nothing more until a renewal succeeds
            renewedAt = start - timing.actFor().toNanos();
            throw new IllegalStateException("Could not store the poll position of " + channel + " (key "
                                            + store.key() + "): nothing more is delivered until the lease on it is "
                                            + "renewed: " + e.getMessage(),
                    e);
        }
    }

    /** When stopping: ends the lease at once, so that the next poller need not wait for it to lapse. */
    synchronized void release() {
        if (state == State.HOLDING && fenced != null) {
            fenced.release(store.key(), claim);
            state = State.UNCLAIMED;
        }
    }

    State state() {
        return state;
    }

    /** Whether another poller claimed the position, so this one stands by. */
    boolean lost() {
        return state == State.STANDBY;
    }

    /** Who held the lease when last seen: this poller's name while it holds it; null in a plain repository. */
    String leaseHolder() {
        return leaseHolder;
    }

    /** When the lease was to end when last seen, by this JVM's clock; null in a plain repository. */
    Instant leaseEnd() {
        return leaseEnd;
    }

    String key() {
        return store.key();
    }

    private void hold(long start) {
        position = store.load(since);
        state = State.HOLDING;
        if (fenced != null) {
            renewed(start);
        }
        loaded.accept(position);
    }

    private boolean lookAgain() {
        if (System.nanoTime() - lookAt < 0) {
            return false;
        }
        long start = System.nanoTime();
        String taken = fenced.claimIfFree(store.key(), holder);
        if (taken == null) {
            LeaseInfo lease = fenced.lease(store.key());
            seen(lease.holder(), lease.remaining());
            Duration wait = lease.running() && lease.remaining().compareTo(timing.renewInterval()) < 0
                    ? lease.remaining() : timing.renewInterval();
            lookAt = System.nanoTime() + wait.toNanos();
            return false;
        }
        String previous = leaseHolder;
        claim = taken;
        hold(start);
        LOG.info("Took the claim on the poll position of {} (key {}) again: the lease of {} lapsed; polling from {}",
                channel, store.key(), previous, position.tailFrom(clock.instant()));
        return true;
    }

    private boolean renewIfDue() {
        if (fenced == null) {
            return true;
        }
        long start = System.nanoTime();
        if (start - renewedAt >= timing.renewInterval().toNanos()) {
            try {
                fenced.renew(store.key(), claim);
                renewed(start);
            } catch (LostClaimException e) {
                standby();
                return false;
            } catch (RuntimeException e) {
                if (!renewalFailing) {
                    renewalFailing = true;
                    LOG.warn("Could not renew the lease on the poll position of {} (key {}): {}; delivering stops {} "
                             + "after the last renewal, before another poller may take over, until a renewal "
                             + "succeeds", channel, store.key(), e.getMessage(), timing.actFor());
                }
                if (System.nanoTime() - renewedAt >= timing.actFor().toNanos()) {
                    throw new IllegalStateException("Could not renew the lease on the poll position of " + channel
                                                    + " (key " + store.key() + "): nothing is delivered until a "
                                                    + "renewal succeeds: " + e.getMessage(),
                            e);
                }
            }
        }
        return System.nanoTime() - renewedAt < timing.actFor().toNanos();
    }

    private void renewed(long start) {
        renewedAt = start;
        if (renewalFailing) {
            renewalFailing = false;
            LOG.info("Renewed the lease on the poll position of {} (key {}) again", channel, store.key());
        }
        seen(holder, timing.lease().minusNanos(System.nanoTime() - start));
    }

    private void standby() {
        state = State.STANDBY;
        lookAt = System.nanoTime() + timing.renewInterval().toNanos();
        LOG.warn("Lost the claim on the poll position of {} (key {}): another poller took over, so this one stops "
                 + "polling and delivering; it looks every {} whether that poller's lease lapsed, and takes over then",
                channel, store.key(), timing.renewInterval());
    }

    private void seen(String holder, Duration remaining) {
        leaseHolder = holder;
        leaseEnd = clock.instant().plus(remaining);
    }
}
