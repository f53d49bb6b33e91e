package io.github.qlikevents.camel.state;

import java.time.Duration;

/**
 * Who holds the lease on a key, and for how much longer by the database's clock (negative once it lapsed).
 *
 * @param holder    the replica that took it last, as it named itself; null when none ever did
 * @param remaining how long it still runs; negative or zero once it lapsed
 */
public record LeaseInfo(String holder, Duration remaining) {

    /** Whether the lease runs: nobody else may take the key. */
    public boolean running() {
        return holder != null && remaining.compareTo(Duration.ZERO) > 0;
    }
}
