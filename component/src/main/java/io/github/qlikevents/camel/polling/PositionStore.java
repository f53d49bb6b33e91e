package io.github.qlikevents.camel.polling;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.github.qlikevents.camel.state.FencedStateRepository;
import org.apache.camel.spi.StateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the poll position in the {@code cursorRepository}, in two slots written in turn ({@code stateKey.0},
 * {@code stateKey.1}), each with a sequence number. A process killed in the middle of a write (a file repository
 * appending a line) can tear only the slot being written: the other still holds the position before it, at most a
 * page behind, so a restart resumes instead of failing or starting over. A {@link FencedStateRepository} (a database
 * row, written whole or not at all) keeps it under {@code stateKey} alone, written with the {@link PositionClaim}'s
 * claim: a save after another poller claimed it since is refused with a
 * {@link io.github.qlikevents.camel.state.LostClaimException}.
 */
final class PositionStore {

    private static final Logger LOG = LoggerFactory.getLogger(PositionStore.class);
    private static final int SLOTS = 2;

    private final StateRepository<String, String> repository;
    private final String key;
    private final Duration lookback;
    private final Duration keep;
    private final Clock clock;
    private long sequence;

    /**
     * @param keep how much longer than the tail and sweeps need them delivered ids are kept (for webhook retries of a
     *             hybrid endpoint; zero for a poller)
     */
    PositionStore(StateRepository<String, String> repository, String key, Duration lookback, Duration keep,
                  Clock clock) {
        this.repository = repository;
        this.key = key;
        this.lookback = lookback;
        this.keep = keep;
        this.clock = clock;
    }

    /** The repository when it is fenced, else null. */
    FencedStateRepository fenced() {
        return repository instanceof FencedStateRepository fenced ? fenced : null;
    }

    /**
     * The newest readable stored position, or a new one starting at {@code since} when none was stored. In a fenced
     * repository, read after the key is claimed, so that no earlier owner can write after what is read here.
     */
    PollPosition load(Instant since) {
        PollPosition newest = null;
        int unreadable = 0;
        for (String slotKey : slotKeys()) {
            String stored = repository.getState(slotKey);
            if (stored == null || stored.isBlank()) {
                continue;
            }
            try {
                PollPosition position = PollPosition.parse(stored);
                if (newest == null || position.sequence() > newest.sequence()) {
                    newest = position;
                }
            } catch (IOException | RuntimeException e) {
                unreadable++;
                LOG.warn("The poll position under {} is unreadable ({}); using any other slot", slotKey, e.getMessage());
            }
        }
        if (newest == null && unreadable > 0) {
            throw new IllegalStateException("No readable poll position under key '" + key + "' in the "
                                            + "cursorRepository: remove it, or set stateKey, to start from the since "
                                            + "option");
        }
        if (newest == null) {
            return new PollPosition(since);
        }
        sequence = newest.sequence();
        return newest;
    }

    /**
     * Stores the position, with {@code claim} in a fenced repository (null in another); the sweep and webhook
     * deliveries of a hybrid endpoint may call it at once.
     */
    synchronized void save(PollPosition position, String claim) {
        sequence++;
        String value = position.serialize(lookback, keep, sequence, clock.instant());
        if (claim != null) {
            ((FencedStateRepository) repository).setState(key, value, claim);
        } else {
            repository.setState(key + "." + sequence % SLOTS, value);
        }
    }

    String key() {
        return key;
    }

    private String[] slotKeys() {
        return fenced() != null ? new String[] { key } : new String[] { key + ".0", key + ".1" };
    }
}
