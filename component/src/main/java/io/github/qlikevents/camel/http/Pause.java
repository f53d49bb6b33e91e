package io.github.qlikevents.camel.http;

import java.time.Duration;

/** Waits between retries; {@link #cancel()} ends every wait at once, for a consumer that stops. */
public class Pause {

    private boolean cancelled;

    /** Waits, or throws when cancelled before or during the wait. */
    public synchronized void sleep(Duration duration, String reason) {
        long deadline = System.nanoTime() + duration.toNanos();
        try {
            long left;
            while (!cancelled && (left = deadline - System.nanoTime()) > 0) {
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled = true;
        }
        if (cancelled) {
            throw new QlikApiException("Stopped while waiting to retry: " + reason, 0, null);
        }
    }

    /** Ends current and future waits. */
    public synchronized void cancel() {
        cancelled = true;
        notifyAll();
    }

    /** Allows waits again. */
    public synchronized void reset() {
        cancelled = false;
    }
}
