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
 * {@code eventTime} passed in order) and the ids delivered within the lookback window before it, so re-reading that
 * window delivers late events once and nothing twice. Only completed exchanges move it. Thread-safe.
 */
final class PollPosition {

    private static final int FORMAT = 1;
    /**
     * How far past the wall clock the position may reach: events dated further ahead (a producer's clock running
     * fast, a bad timestamp) are delivered, but the query and the window of remembered ids stay at the present.
     */
    static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(5);

    private final Instant floor;
    private long sequence;
    private Instant watermark;
    private final Map<String, Instant> recent = new LinkedHashMap<>();

    /** A new position starting at {@code floor}: nothing before it is ever asked for. */
    PollPosition(Instant floor) {
        this.floor = floor;
    }

    /**
     * Where the next query starts: the lookback window before the watermark (never past {@code now} plus
     * {@link #CLOCK_TOLERANCE}), never before the floor.
     */
    synchronized Instant queryFrom(Duration lookback, Instant now) {
        if (watermark == null) {
            return floor;
        }
        Instant from = present(now).minus(lookback);
        return from.isBefore(floor) ? floor : from;
    }

    /** The watermark, or the wall clock plus the tolerance when an event dated in the future took it further. */
    private Instant present(Instant now) {
        Instant limit = now.plus(CLOCK_TOLERANCE);
        return watermark.isAfter(limit) ? limit : watermark;
    }

    /** True when this id was delivered within the window. */
    synchronized boolean delivered(String id) {
        return recent.containsKey(id);
    }

    /** An event completed; {@code time} may be null when the event had none (it is then kept as of the watermark). */
    synchronized void markDelivered(String id, Instant time) {
        if (id != null) {
            recent.put(id, time != null ? time : watermark != null ? watermark : floor);
        }
        passed(time);
    }

    /** An event was passed over (not wanted by the filter): only the watermark moves. */
    synchronized void passed(Instant time) {
        if (time != null && (watermark == null || time.isAfter(watermark))) {
            watermark = time;
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
     * Forgets delivered ids older than the window the next query reads, then writes the position as text, numbered
     * {@code sequence}.
     */
    synchronized String serialize(Duration lookback, long sequence, Instant now) {
        if (watermark != null) {
            Instant oldest = present(now).minus(lookback);
            recent.values().removeIf(time -> time.isBefore(oldest));
        }
        ObjectNode json = QlikJson.mapper().createObjectNode().put("v", FORMAT).put("seq", sequence)
                .put("floor", floor.toString());
        if (watermark != null) {
            json.put("watermark", watermark.toString());
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
        for (Map.Entry<String, JsonNode> entry : json.path("recent").properties()) {
            position.recent.put(entry.getKey(), Instant.parse(entry.getValue().asText()));
        }
        return position;
    }
}
