package io.github.qlikevents.camel.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.qlikevents.camel.http.Pause;

/** A pause that records how long it was asked to wait, and returns at once. */
public final class RecordingPause extends Pause {

    private final List<Duration> waits = new ArrayList<>();

    @Override
    public void sleep(Duration duration, String reason) {
        waits.add(duration);
    }

    /** The waits asked for, in order. */
    public List<Duration> waits() {
        return waits;
    }
}
