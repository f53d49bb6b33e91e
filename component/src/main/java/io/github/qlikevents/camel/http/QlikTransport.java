package io.github.qlikevents.camel.http;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * One HTTP request to the tenant and its whole response: the seam between {@link QlikApiClient} (credentials,
 * retries, rate limits, same-origin rule) and the wire. The default is {@link QlikHttpClient} (Apache HttpClient 5's
 * non-blocking client); set the component's {@code transport} option to supply another, e.g. a fake API in tests. A
 * transport that only implements the blocking methods works, but each poll then holds a thread while the tenant
 * answers (and a retry after a wait, the client's one timer thread): override the {@code Async} methods for many
 * tenants.
 */
public interface QlikTransport extends Closeable {

    /**
     * Sends one request and reads the whole response; no retries, no redirects.
     *
     * @param  bearerToken the token for the Authorization header, or null for none
     * @param  jsonBody    a JSON body, or null
     * @throws IOException when the request could not be sent or the response not read (timeouts included)
     */
    HttpResult execute(String method, URI uri, String bearerToken, byte[] jsonBody) throws IOException;

    /**
     * Sends a GET and writes a 2xx response's body to {@code file} as it arrives, for responses too large to hold in
     * memory (a day of the audit archive); the result then has an empty body. Any other status comes back as from
     * {@link #execute}. This default reads the whole response first: override it to stream.
     *
     * @throws IOException when the request could not be sent or the response not read or written
     */
    default HttpResult download(URI uri, String bearerToken, Path file) throws IOException {
        HttpResult result = execute("GET", uri, bearerToken, null);
        if (!result.ok()) {
            return result;
        }
        Files.write(file, result.body());
        return new HttpResult(result.status(), result.retryAfter(), new byte[0]);
    }

    /**
     * {@link #execute} without waiting: the future completes with the response, or fails with the
     * {@link IOException}. This default calls {@link #execute} on the caller's thread.
     */
    default CompletableFuture<HttpResult> executeAsync(String method, URI uri, String bearerToken, byte[] jsonBody) {
        try {
            return CompletableFuture.completedFuture(execute(method, uri, bearerToken, jsonBody));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** {@link #download} without waiting; this default calls {@link #download} on the caller's thread. */
    default CompletableFuture<HttpResult> downloadAsync(URI uri, String bearerToken, Path file) {
        try {
            return CompletableFuture.completedFuture(download(uri, bearerToken, file));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
