package io.github.qlikevents.camel.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.github.qlikevents.camel.http.Pause;

/** A pause that records how long it was asked to wait, and returns at once. */
public final class RecordingPause extends Pause {

    private final List<Duration> waits = new ArrayList<>();
    private final Consumer<Duration> passTime;

    /** A pause that only records. */
    public RecordingPause() {
        this(duration -> {
        });
    }

    /** A pause that records and lets a test clock move on by the time asked for. */
    public RecordingPause(Consumer<Duration> passTime) {
        this.passTime = passTime;
    }

    @Override
    public CompletableFuture<Void> after(Duration duration, String reason) {
        waits.add(duration);
        passTime.accept(duration);
        return CompletableFuture.completedFuture(null);
    }

    /** The waits asked for, in order. */
    public List<Duration> waits() {
        return waits;
    }
}
