package io.github.qlikevents.camel.http;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Waiting for the answers of the non-blocking client where a caller needs them now, and the errors they end with. */
public final class Futures {

    private Futures() {
    }

    /**
     * The value of {@code future} once it is there; its error as it was thrown (a checked one wrapped in a
     * {@link QlikApiException}); an interrupt cancels it.
     */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new QlikApiException("Interrupted while waiting for the tenant", 0, e);
        } catch (ExecutionException e) {
            throw unchecked(e.getCause());
        }
    }

    /** The error a future stage ended with, without the {@link CompletionException} around it. */
    public static Throwable cause(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
               && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** {@link #cause} as an unchecked exception to throw. */
    public static RuntimeException unchecked(Throwable error) {
        Throwable cause = cause(error);
        if (cause instanceof RuntimeException runtime && !(cause instanceof CancellationException)) {
            return runtime;
        }
        if (cause instanceof Error fatal) {
            throw fatal;
        }
        return new QlikApiException(cause.getClass().getSimpleName() + ": " + cause.getMessage(), 0, cause);
    }
}
