package io.github.qlikevents.camel.polling;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.qlikevents.camel.decoding.QlikJson;

/**
 * Where polling stands: where it started (the floor, from the {@code since} option), the watermark (the latest
 * {@code eventTime} passed in order), how far sweeps have re-read for events Qlik indexed late, and the ids delivered
 * since then, so re-reading delivers late events once and nothing twice. Only completed exchanges move it.
 * Thread-safe.
 */
final class PollPosition {

    private static final int FORMAT = 1;

    private final Instant floor;
    private long sequence;
    private Instant watermark;
    /** Events before this time have been swept; {@code null} until the first poll sets it. */
    private Instant sweptTo;
    private final Map<String, Instant> recent = new LinkedHashMap<>();

    /** A new position starting at {@code floor}: nothing before it is ever asked for. */
    PollPosition(Instant floor) {
        this.floor = floor;
    }

    /** Where the tail starts: the watermark; the floor before the first event. */
    synchronized Instant tailFrom(Instant now) {
        if (watermark == null) {
            return floor;
        }
        Instant from = present(now);
        return from.isBefore(floor) ? floor : from;
    }

    /**
     * Where the next sweep starts: where the last one got to. At first, the lookback before the present: anything
     * older was visible when polling began, so the tail reads it.
     */
    synchronized Instant sweepFrom(Duration lookback, Instant now) {
        if (sweptTo == null) {
            Instant base = watermark == null ? now : present(now);
            Instant from = base.minus(lookback);
            sweptTo = from.isBefore(floor) ? floor : from;
        }
        return sweptTo;
    }

    /** A sweep has re-read every event before {@code time}. */
    synchronized void sweptTo(Instant time) {
        if (sweptTo == null || time.isAfter(sweptTo)) {
            sweptTo = time;
        }
    }

    /** The watermark, or the wall clock when a position stored by an earlier version was carried past it. */
    private Instant present(Instant now) {
        return watermark.isAfter(now) ? now : watermark;
    }

    /** True when this id was delivered within the window. */
    synchronized boolean delivered(String id) {
        return recent.containsKey(id);
    }

    /**
     * An event completed at {@code now}; {@code time} may be null when the event had none (it is then kept as of the
     * watermark).
     */
    synchronized void markDelivered(String id, Instant time, Instant now) {
        if (id != null) {
            recent.put(id, time != null ? time : watermark != null ? watermark : floor);
        }
        passed(time, now);
    }

    /**
     * An event was passed over at {@code now} (not wanted by the filter): only the watermark moves, never past the
     * wall clock, so an event dated in the future (a producer's clock running fast) does not hide the events
     * published after it.
     */
    synchronized void passed(Instant time, Instant now) {
        if (time != null) {
            Instant mark = time.isAfter(now) ? now : time;
            if (watermark == null || mark.isAfter(watermark)) {
                watermark = mark;
            }
        }
    }

    synchronized Instant watermark() {
        return watermark;
    }

    /** The sequence number of the write this position was read from; 0 for a new one. */
    synchronized long sequence() {
        return sequence;
    }

    /**
     * Forgets delivered ids that neither the tail nor the next sweep can read again, then writes the position as text,
     * numbered {@code sequence}.
     */
    synchronized String serialize(Duration lookback, long sequence, Instant now) {
        if (watermark != null) {
            Instant tailWindow = present(now).minus(lookback);
            Instant swept = sweepFrom(lookback, now);
            Instant oldest = swept.isBefore(tailWindow) ? swept : tailWindow;
            recent.values().removeIf(time -> time.isBefore(oldest));
        }
        ObjectNode json = QlikJson.mapper().createObjectNode().put("v", FORMAT).put("seq", sequence)
                .put("floor", floor.toString());
        if (watermark != null) {
            json.put("watermark", watermark.toString());
        }
        if (sweptTo != null) {
            json.put("swept", sweptTo.toString());
        }
        ObjectNode ids = json.putObject("recent");
        recent.forEach((id, time) -> ids.put(id, time.toString()));
        return json.toString();
    }

    /** Reads a position written by {@link #serialize(Duration, long, Instant)}. */
    static PollPosition parse(String text) throws IOException {
        JsonNode json = QlikJson.mapper().readTree(text);
        if (json == null || json.path("v").asInt() != FORMAT) {
            throw new IOException("unknown position format");
        }
        PollPosition position = new PollPosition(Instant.parse(json.path("floor").asText()));
        position.sequence = json.path("seq").asLong();
        if (json.hasNonNull("watermark")) {
            position.watermark = Instant.parse(json.get("watermark").asText());
        }
        if (json.hasNonNull("swept")) {
            position.sweptTo = Instant.parse(json.get("swept").asText());
        }
        for (Map.Entry<String, JsonNode> entry : json.path("recent").properties()) {
            position.recent.put(entry.getKey(), Instant.parse(entry.getValue().asText()));
        }
        return position;
    }
}
