package io.github.qlikevents.camel.state;

import io.github.qlikevents.camel.jdbc.LeaseTiming;
import org.apache.camel.spi.StateRepository;

/**
 * A {@link StateRepository} whose keys can be claimed under a lease: after a claim, only writes that carry the newest
 * claim of the key are applied, so a poller that another one took over from (a deposed leader that was paused, say)
 * can no longer move the position, and learns that it lost its claim. The holder renews the lease while it polls;
 * once it lapsed (by the database's clock), another poller may claim the key without taking it from anybody.
 */
public interface FencedStateRepository extends StateRepository<String, String> {

    /** How long a lease runs and how often its holder renews it. */
    LeaseTiming leaseTiming();

    /**
     * Claims the key for {@code holder}, taking it from any earlier owner, and returns the claim its writes must carry.
     */
    String claim(String key, String holder);

    /** Claims the key for {@code holder} when nobody's lease on it runs; null when another holds it. */
    String claimIfFree(String key, String holder);

    /**
     * Renews the lease of {@code claim}.
     *
     * @throws LostClaimException when another owner has claimed the key since
     */
    void renew(String key, String claim);

    /**
     * Writes the value, and renews the lease, when {@code claim} is still the key's newest claim.
     *
     * @throws LostClaimException when another owner has claimed the key since: nothing was written
     */
    void setState(String key, String value, String claim);

    /** Who holds the key's lease, and for how long; null when the key was never claimed. */
    LeaseInfo lease(String key);

    /** Ends the lease of {@code claim} at once, so the next poller need not wait for it to lapse. */
    void release(String key, String claim);
}
