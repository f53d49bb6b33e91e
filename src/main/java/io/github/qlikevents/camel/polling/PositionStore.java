package io.github.qlikevents.camel.polling;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import org.apache.camel.spi.StateRepository;

/** Keeps the poll position in the {@code cursorRepository} under the {@code stateKey}. */
final class PositionStore {

    private final StateRepository<String, String> repository;
    private final String key;
    private final Duration lookback;

    PositionStore(StateRepository<String, String> repository, String key, Duration lookback) {
        this.repository = repository;
        this.key = key;
        this.lookback = lookback;
    }

    /** The stored position, or a new one starting at {@code since} when none was stored. */
    PollPosition load(Instant since) {
        String stored = repository.getState(key);
        if (stored == null || stored.isBlank()) {
            return new PollPosition(since);
        }
        try {
            return PollPosition.parse(stored);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The poll position stored in cursorRepository under key '" + key
                                            + "' is unreadable (" + e.getMessage() + "): remove it, or set stateKey"
                                            + " to start from the since option",
                    e);
        }
    }

    void save(PollPosition position) {
        repository.setState(key, position.serialize(lookback));
    }

    String key() {
        return key;
    }
}
