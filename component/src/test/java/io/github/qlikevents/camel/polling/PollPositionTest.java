package io.github.qlikevents.camel.polling;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The position's marks and the ids it keeps agree with the millisecond precision of the Audits API's filters. */
class PollPositionTest {

    private static final Duration LOOKBACK = Duration.ofSeconds(20);

    @Test
    void anIdInTheMillisecondOfTheSweepMarkIsKeptForTheNextSweepThatReadsThatMillisecondAgain() throws Exception {
        Instant now = Instant.parse("2026-12-02T08:59:15.687858441Z");
        Instant eventTime = Instant.parse("2026-12-02T08:58:45.511Z");
        PollPosition position = new PollPosition(now.minusSeconds(600));
        position.markDelivered("tail-delivered", eventTime, now);
        // a sweep ends at now minus lookback, a finer instant within the event's millisecond
        position.sweptTo(eventTime.plusNanos(800_000));

        PollPosition stored = PollPosition.parse(position.serialize(LOOKBACK, Duration.ZERO, 1, now));

        assertThat(stored.sweepFrom(LOOKBACK, now)).isEqualTo(eventTime);
        assertThat(stored.delivered("tail-delivered")).isTrue();
    }
}
