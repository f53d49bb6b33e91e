package io.github.qlikevents.camel.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The schedule the API budget benchmarks measure on: the loads start side by side and publish, a warm-up passes, the
 * measured window opens and closes, publishing stops, a settle time passes (for what the window published to be swept),
 * then each load reports.
 */
final class BudgetWindow {

    /** One tenant with its stream and its consumer. */
    interface Load<R> extends AutoCloseable {

        /** Starts the consumer and schedules the stream on {@code publisher}. */
        void start(ScheduledExecutorService publisher) throws Exception;

        void beginWindow();

        void endWindow();

        /** What was measured in the window, {@code measured} long. */
        R result(Duration measured);
    }

    private BudgetWindow() {
    }

    static <R> List<R> run(List<? extends Load<R>> loads, Duration warmUp, Duration measured, Duration settle)
            throws Exception {
        ScheduledExecutorService publisher = Executors.newScheduledThreadPool(2);
        try {
            for (Load<R> load : loads) {
                load.start(publisher);
            }
            Thread.sleep(warmUp.toMillis());
            loads.forEach(Load::beginWindow);
            Thread.sleep(measured.toMillis());
            loads.forEach(Load::endWindow);
            // nothing is published after the window: what it published has the settle time to be swept
            publisher.shutdownNow();
            Thread.sleep(settle.toMillis());
            List<R> results = new ArrayList<>();
            for (Load<R> load : loads) {
                results.add(load.result(measured));
            }
            return results;
        } finally {
            publisher.shutdownNow();
            for (Load<R> load : loads) {
                load.close();
            }
        }
    }

    /** The {@code percent} percentile of ascending values; -1 when there are none. */
    static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
