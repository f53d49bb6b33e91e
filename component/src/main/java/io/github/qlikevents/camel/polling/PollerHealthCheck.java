package io.github.qlikevents.camel.polling;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.support.ScheduledPollConsumerHealthCheck;

/**
 * The poller's health check ({@code consumer:<route id>}): Camel's check of a scheduled poller (DOWN after failed
 * polls), and also DOWN, with the reason, when the poller should be delivering (it holds its position, or has not
 * claimed it yet) and has neither completed a poll nor stored a page for stallTimeout, naming what its requests wait
 * for (an answer, a rate limit, a retry); UP with "standby, lease held by X" while another poller holds the position.
 */
final class PollerHealthCheck extends ScheduledPollConsumerHealthCheck {

    private final QlikEventsPollingConsumer consumer;

    PollerHealthCheck(QlikEventsPollingConsumer consumer, String id) {
        super(consumer, id);
        this.consumer = consumer;
    }

    @Override
    public Result call(Map<String, Object> options) {
        Result polls = super.call(options);
        if (polls.getState() != State.UP) {
            return polls;
        }
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this).details(polls.getDetails());
        PositionClaim position = consumer.positionClaim();
        if (position == null) {
            return polls;
        }
        if (position.state() == PositionClaim.State.STANDBY) {
            return builder.up().message("standby, lease held by " + position.leaseHolder() + " until "
                                        + position.leaseEnd()).build();
        }
        Duration stallTimeout = consumer.stallTimeout();
        Duration stalled = consumer.statistics().sinceProgress();
        if (stalled.compareTo(stallTimeout) > 0) {
            String what = position.state() == PositionClaim.State.UNCLAIMED
                    ? "could not claim its poll position (key " + position.key() + ")"
                    : "holds its poll position (key " + position.key() + ")";
            List<String> waits = consumer.waitingFor();
            return builder.down().message("The poller of route " + consumer.getRouteId() + " " + what + " but has "
                                          + "neither completed a poll nor stored a page for " + stalled.toSeconds()
                                          + " s (stallTimeout " + stallTimeout + "): nothing is delivered; "
                                          + (waits.isEmpty() ? "see its log" : "waiting: " + String.join("; ", waits)))
                    .build();
        }
        return builder.up().build();
    }
}
