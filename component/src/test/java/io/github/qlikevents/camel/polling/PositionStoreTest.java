package io.github.qlikevents.camel.polling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A write torn by a crash loses at most the newest position, never the whole stream. */
class PositionStoreTest {

    private static final Instant SINCE = Instant.parse("2026-11-01T00:00:00Z");

    private final MemoryStateRepository repository = new MemoryStateRepository();
    private final PositionStore store = new PositionStore(repository, "licenses.t", Duration.ofMinutes(2), Duration.ZERO, Clock.systemUTC());

    @Test
    void newestSlotWinsAndATornSlotFallsBackToTheOther() {
        PollPosition position = store.load(SINCE);
        position.markDelivered("a", SINCE.plusSeconds(10), Instant.now());
        store.save(position, null);
        position.markDelivered("b", SINCE.plusSeconds(20), Instant.now());
        store.save(position, null);

        assertThat(new PositionStore(repository, "licenses.t", Duration.ofMinutes(2), Duration.ZERO, Clock.systemUTC()).load(SINCE).watermark())
                .isEqualTo(SINCE.plusSeconds(20));

        // the process died while writing the newest slot
        String newest = repository.getState("licenses.t.0");
        repository.setState("licenses.t.0", newest.substring(0, newest.length() / 2));
        PollPosition recovered = new PositionStore(repository, "licenses.t", Duration.ofMinutes(2), Duration.ZERO, Clock.systemUTC()).load(SINCE);

        assertThat(recovered.watermark()).isEqualTo(SINCE.plusSeconds(10));
        assertThat(recovered.delivered("a")).isTrue();
    }

    @Test
    void noReadableSlotFailsWithTheFix() {
        repository.setState("licenses.t.0", "{\"v\":1,");
        repository.setState("licenses.t.1", "garbage");

        assertThatThrownBy(() -> store.load(SINCE)).hasMessageContaining("licenses.t").hasMessageContaining("stateKey");
    }

    @Test
    void anEventWithoutATimeIsRememberedAndStored() {
        PollPosition position = store.load(SINCE);
        position.markDelivered("no-time", null, Instant.now());
        store.save(position, null);

        PollPosition loaded = new PositionStore(repository, "licenses.t", Duration.ofMinutes(2), Duration.ZERO, Clock.systemUTC()).load(SINCE);

        assertThat(loaded.delivered("no-time")).isTrue();
        assertThat(loaded.watermark()).isNull();
    }

    @Test
    void nothingStoredStartsAtSince() {
        assertThat(store.load(SINCE).tailFrom(Instant.now())).isEqualTo(SINCE);
    }

    @Test
    void aBackfillsDayAndItemAreStoredAndTheHandOverStartsSweepsAtTheLookback() {
        PollPosition position = store.load(SINCE);
        position.startBackfill(java.time.LocalDate.parse("2026-07-01"));
        position.archiveAdvanced(250);
        position.markDelivered("archived-0", SINCE, Instant.now());
        store.save(position, null);
        for (int i = 1; i < 1000; i++) {
            position.markDelivered("archived-" + i, SINCE.plusSeconds(i * 60L), Instant.now());
        }
        store.save(position, null);

        PollPosition restored = store.load(SINCE);

        assertThat(restored.archiveDay()).isEqualTo(java.time.LocalDate.parse("2026-07-01"));
        assertThat(restored.archiveIndex()).isEqualTo(250);
        // during a backfill the stored ids are those of the tail's lookback, not all since the first save
        assertThat(restored.delivered("archived-0")).isFalse();
        assertThat(restored.delivered("archived-999")).isTrue();
        Instant now = Instant.now();
        restored.nextArchiveDay();
        assertThat(restored.archiveDay()).isEqualTo(java.time.LocalDate.parse("2026-07-02"));
        assertThat(restored.archiveIndex()).isZero();
        restored.handOver(now, Duration.ofMinutes(2));
        assertThat(restored.archiveDay()).isNull();
        // at the millisecond precision of the Audits API's time filters
        assertThat(restored.sweepFrom(Duration.ofMinutes(2), now))
                .isEqualTo(now.minus(Duration.ofMinutes(2)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }
}
