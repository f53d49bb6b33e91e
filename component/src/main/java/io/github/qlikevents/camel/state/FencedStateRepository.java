package io.github.qlikevents.camel.state;

import org.apache.camel.spi.StateRepository;

/**
 * A {@link StateRepository} whose keys can be claimed: after a claim, only writes that carry the newest claim of the
 * key are applied, so a poller that another one took over from (a deposed leader that was paused, say) can no longer
 * move the position, and learns that it lost its claim.
 */
public interface FencedStateRepository extends StateRepository<String, String> {

    /** Claims the key for a new owner, taking it from any earlier one, and returns the claim its writes must carry. */
    String claim(String key);

    /**
     * Writes the value when {@code claim} is still the key's newest claim.
     *
     * @throws LostClaimException when another owner has claimed the key since: nothing was written
     */
    void setState(String key, String value, String claim);
}
