package io.github.qlikevents.camel.http;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

import org.apache.hc.core5.http.HttpHost;

/**
 * One {@link QlikHttpClient}, with its connection pool, per set of connection settings in the JVM, shared by every
 * endpoint with those settings (hundreds of tenants take one pool, not hundreds); closed when the last endpoint that
 * uses it closes its transport.
 */
public final class SharedHttpClients {

    /**
     * What a client is built from; {@code tls} is the endpoint's sslContextParameters object (or null), compared by
     * identity, as its SSLContext is made from it.
     */
    public record Settings(int connectTimeoutMillis, int readTimeoutMillis, HttpHost proxy, Object tls) {
    }

    private static final Map<Settings, Shared> CLIENTS = new HashMap<>();

    private SharedHttpClients() {
    }

    /**
     * The client for these settings, created with {@code sslContext} when none is open; close the result to release
     * it.
     */
    public static synchronized QlikTransport acquire(Settings settings, Supplier<SSLContext> sslContext) {
        Shared shared = CLIENTS.computeIfAbsent(settings, key -> new Shared(new QlikHttpClient(
                key.connectTimeoutMillis(), key.readTimeoutMillis(), key.proxy(), sslContext.get())));
        shared.users++;
        return new Lease(settings, shared.client);
    }

    private static synchronized void release(Settings settings) throws IOException {
        Shared shared = CLIENTS.get(settings);
        if (shared != null && --shared.users == 0) {
            CLIENTS.remove(settings);
            shared.client.close();
        }
    }

    private static final class Shared {
        private final QlikHttpClient client;
        private int users;

        Shared(QlikHttpClient client) {
            this.client = client;
        }
    }

    /** One endpoint's use of a shared client: closing it releases the client, once. */
    private static final class Lease implements QlikTransport {
        private final Settings settings;
        private final QlikHttpClient client;
        private boolean closed;

        Lease(Settings settings, QlikHttpClient client) {
            this.settings = settings;
            this.client = client;
        }

        @Override
        public HttpResult execute(String method, URI uri, String bearerToken, byte[] jsonBody) throws IOException {
            return client.execute(method, uri, bearerToken, jsonBody);
        }

        @Override
        public HttpResult download(URI uri, String bearerToken, Path file) throws IOException {
            return client.download(uri, bearerToken, file);
        }

        @Override
        public CompletableFuture<HttpResult> executeAsync(String method, URI uri, String bearerToken,
                                                          byte[] jsonBody) {
            return client.executeAsync(method, uri, bearerToken, jsonBody);
        }

        @Override
        public CompletableFuture<HttpResult> downloadAsync(URI uri, String bearerToken, Path file) {
            return client.downloadAsync(uri, bearerToken, file);
        }

        @Override
        public synchronized void close() throws IOException {
            if (!closed) {
                closed = true;
                release(settings);
            }
        }
    }
}
