package io.github.qlikevents.camel.support;

import java.time.Duration;
import java.util.concurrent.Callable;

import static org.awaitility.Awaitility.await;

/**
 * Waits that hold on a slow, loaded machine without hiding a hang: a count must reach its target, and fails only
 * when it stops moving for {@link #STALL}, however long the whole takes.
 */
public final class Progress {

    /** How long a count may stand still before the wait fails: a hang, not a slow machine. */
    public static final Duration STALL = Duration.ofMinutes(2);

    private Progress() {
    }

    /** Waits until {@code count} reaches {@code target}, as long as it keeps growing. */
    public static void awaitCount(String what, Callable<? extends Number> count, long target) {
        long now = read(count);
        while (now < target) {
            long before = now;
            String alias = what + ": no progress for " + STALL.toSeconds() + " s at " + before + " of " + target;
            await(alias).atMost(STALL).until(() -> read(count) != before);
            now = read(count);
        }
    }

    private static long read(Callable<? extends Number> count) {
        try {
            return count.call().longValue();
        } catch (Exception e) {
            throw new IllegalStateException("could not read the count", e);
        }
    }
}
