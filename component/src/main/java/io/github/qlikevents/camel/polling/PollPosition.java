package io.github.qlikevents.camel.polling;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.qlikevents.camel.decoding.QlikJson;

/**
 * Where polling stands: where it started (the floor, from the {@code since} option), the watermark (the latest
 * {@code eventTime} passed in order), how far sweeps have re-read for events Qlik indexed late, and the ids delivered
 * since then, so re-reading delivers late events once and nothing twice; during a backfill from the audit archive,
 * the archive day being read and how many of its items (in time order) are done. Only completed exchanges move it.
 * An event is claimed before it is delivered, so the two paths of a hybrid endpoint (webhook and sweep) never deliver
 * it side by side. Thread-safe.
 */
final class PollPosition {

    private static final int FORMAT = 1;

    private final Instant floor;
    private long sequence;
    private Instant watermark;
    /** Events before this time have been swept; {@code null} until the first poll sets it. */
    private Instant sweptTo;
    private final Map<String, Instant> recent = new LinkedHashMap<>();
    /** Ids being delivered now; not stored, as a delivery under way when the process ends never completed. */
    private final Set<String> inFlight = new HashSet<>();
    /** The archive day being backfilled; {@code null} when the list is polled. */
    private LocalDate archiveDay;
    /** Items of {@link #archiveDay}, in time order, done (delivered or passed over). */
    private int archiveIndex;

    /** A new position starting at {@code floor}: nothing before it is ever asked for. */
    PollPosition(Instant floor) {
        this.floor = millis(floor);
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
            sweptTo = from.isBefore(floor) ? floor : millis(from);
        }
        return sweptTo;
    }

    /** Sweeps start at the floor (a hybrid endpoint: its webhook saw nothing of what came before it started). */
    synchronized void sweepFromFloor() {
        if (sweptTo == null) {
            sweptTo = floor;
        }
    }

    /** A sweep has re-read every event before {@code time}. */
    synchronized void sweptTo(Instant time) {
        if (sweptTo == null || time.isAfter(sweptTo)) {
            sweptTo = millis(time);
        }
    }

    /** Backfilling begins with this archive day. */
    synchronized void startBackfill(LocalDate day) {
        archiveDay = day;
        archiveIndex = 0;
    }

    /** The archive day being backfilled, or {@code null} when the list is polled. */
    synchronized LocalDate archiveDay() {
        return archiveDay;
    }

    /** Items of the archive day done, in time order. */
    synchronized int archiveIndex() {
        return archiveIndex;
    }

    /** {@code done} more items of the archive day are done. */
    synchronized void archiveAdvanced(int done) {
        archiveIndex += done;
    }

    /** The archive day is done: the next one. */
    synchronized void nextArchiveDay() {
        archiveDay = archiveDay.plusDays(1);
        archiveIndex = 0;
    }

    /**
     * The archive is done at {@code now}: the list takes over from the watermark (an event in both is told by its
     * id), and sweeps start at the lookback before now, as for a new consumer (older events were visible already).
     */
    synchronized void handOver(Instant now, Duration lookback) {
        archiveDay = null;
        archiveIndex = 0;
        sweptTo = millis(now.minus(lookback));
    }

    /**
     * A mark at the precision of the Audits API's time filters (milliseconds). A query from a finer mark reads its
     * whole millisecond again, so the ids of that millisecond must not be forgotten as older than the mark.
     */
    private static Instant millis(Instant time) {
        return time.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The watermark, or the wall clock when a position stored by an earlier version was carried past it. */
    private Instant present(Instant now) {
        return watermark.isAfter(now) ? now : watermark;
    }

    /** True when this id was delivered within the window. */
    synchronized boolean delivered(String id) {
        return recent.containsKey(id);
    }

    /** Claims the id for one delivery: false when it was delivered already or a delivery of it is under way. */
    synchronized boolean claim(String id) {
        return !recent.containsKey(id) && inFlight.add(id);
    }

    /** The delivery of a claimed id failed: it may be claimed again. */
    synchronized void release(String id) {
        inFlight.remove(id);
    }

    /**
     * An event completed at {@code now}; {@code time} may be null when the event had none (it is then kept as of the
     * watermark).
     */
    synchronized void markDelivered(String id, Instant time, Instant now) {
        if (id != null) {
            recent.put(id, time != null ? time : watermark != null ? watermark : floor);
            inFlight.remove(id);
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
     * Forgets delivered ids that neither the tail nor the next sweep can read again (and that are older than
     * {@code keep} before that, for webhook retries of a hybrid endpoint), then writes the position as text, numbered
     * {@code sequence}.
     */
    synchronized String serialize(Duration lookback, Duration keep, long sequence, Instant now) {
        if (watermark != null) {
            Instant tailWindow = present(now).minus(lookback);
            // no sweep runs during a backfill: only the tail's window matters
            Instant swept = archiveDay != null ? tailWindow : sweepFrom(lookback, now);
            Instant oldest = (swept.isBefore(tailWindow) ? swept : tailWindow).minus(keep);
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
        if (archiveDay != null) {
            json.put("archiveDay", archiveDay.toString()).put("archiveIndex", archiveIndex);
        }
        ObjectNode ids = json.putObject("recent");
        recent.forEach((id, time) -> ids.put(id, time.toString()));
        return json.toString();
    }

    /** Reads a position written by {@link #serialize(Duration, Duration, long, Instant)}. */
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
        if (json.hasNonNull("archiveDay")) {
            position.archiveDay = LocalDate.parse(json.get("archiveDay").asText());
            position.archiveIndex = json.path("archiveIndex").asInt();
        }
        for (Map.Entry<String, JsonNode> entry : json.path("recent").properties()) {
            position.recent.put(entry.getKey(), Instant.parse(entry.getValue().asText()));
        }
        return position;
    }
}
