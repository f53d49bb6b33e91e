package io.github.qlikevents.camel.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Waits of one client (between retries, for a rate limit, for an answer) that hold no thread: a wait is a future that
 * the JVM's one timer thread completes. {@link #cancel()} ends every wait under way and those asked for later, at
 * once, for a consumer that stops.
 */
public class Pause {

    private static final ScheduledExecutorService TIMER = timer();

    /** The waits under way, with what each waits for. */
    private final Map<CompletableFuture<?>, String> waiting = new ConcurrentHashMap<>();
    private volatile boolean cancelled;

    /** Completes after {@code duration}; fails when cancelled before or during the wait. */
    public CompletableFuture<Void> after(Duration duration, String reason) {
        CompletableFuture<Void> wait = new CompletableFuture<>();
        ScheduledFuture<?> timer = TIMER.schedule(() -> wait.complete(null), duration.toNanos(), TimeUnit.NANOSECONDS);
        wait.whenComplete((done, error) -> timer.cancel(false));
        return track(wait, reason);
    }

    /** Makes {@code answer} (an answer waited for) end like a wait: failed when cancelled before it came. */
    public <T> CompletableFuture<T> track(CompletableFuture<T> answer, String reason) {
        waiting.put(answer, reason);
        answer.whenComplete((done, error) -> waiting.remove(answer));
        if (cancelled) {
            stop(answer, reason);
        }
        return answer;
    }

    /** What the waits under way wait for, e.g. for health checks to say why nothing comes. */
    public List<String> waitingFor() {
        return List.copyOf(waiting.values());
    }

    /** Ends current and future waits. */
    public void cancel() {
        cancelled = true;
        waiting.forEach(Pause::stop);
    }

    /** Allows waits again. */
    public void reset() {
        cancelled = false;
    }

    private static void stop(CompletableFuture<?> wait, String reason) {
        wait.completeExceptionally(new QlikApiException("Stopped while waiting: " + reason, 0, null));
    }

    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "qlik-events-timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
