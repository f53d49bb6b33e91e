package io.github.qlikevents.camel.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The default {@link QlikTransport}: Apache HttpClient 5's non-blocking client (camel-http's stack) for every call to
 * the tenant, so a request waiting for its answer holds no thread: a few I/O threads serve thousands of tenants.
 * Pooled connections kept alive between polls, timeouts, optional proxy and TLS settings, bodies in memory up to
 * {@link #MAX_BODY_BYTES}, and neither redirects nor automatic retries (redirects could carry the bearer token
 * elsewhere; retries are {@link QlikApiClient}'s job).
 */
public final class QlikHttpClient implements QlikTransport {

    private static final String USER_AGENT = "camel-qlik-license-events";
    /**
     * Open connections in all, kept alive between polls: one client serves every tenant of the JVM, so each tenant
     * keeps its connection (a poll that opens one pays a TLS handshake).
     */
    private static final int MAX_CONNECTIONS = 20_000;
    private static final int MAX_CONNECTIONS_PER_TENANT = 8;
    /** The largest body held in memory: far above an audits page or a webhook list; a day's archive goes to disk. */
    private static final long MAX_BODY_BYTES = 32L * 1024 * 1024;
    /**
     * Each kept-alive connection's input and output buffers: half HttpClient's default, as thousands of tenants keep a
     * connection each (a page still arrives whole, in more reads).
     */
    private static final int CONNECTION_BUFFER_BYTES = 4096;

    private final CloseableHttpAsyncClient client;
    private final long maxBodyBytes;

    /**
     * @param connectTimeoutMillis connect timeout
     * @param readTimeoutMillis    socket read timeout, and the longest wait for a response
     * @param proxy                a proxy, or null
     * @param sslContext           TLS settings, or null for the JVM defaults
     */
    public QlikHttpClient(int connectTimeoutMillis, int readTimeoutMillis, HttpHost proxy, SSLContext sslContext) {
        this(connectTimeoutMillis, readTimeoutMillis, proxy, sslContext, MAX_BODY_BYTES);
    }

    /** With another limit on bodies held in memory (tests). */
    QlikHttpClient(int connectTimeoutMillis, int readTimeoutMillis, HttpHost proxy, SSLContext sslContext,
                   long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
        PoolingAsyncClientConnectionManagerBuilder connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(connectTimeoutMillis))
                        .setSocketTimeout(Timeout.ofMilliseconds(readTimeoutMillis))
                        .build())
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS_PER_TENANT);
        if (sslContext != null) {
            connections.setTlsStrategy(new DefaultClientTlsStrategy(sslContext));
        }
        HttpAsyncClientBuilder builder = HttpAsyncClients.custom()
                .setConnectionManager(connections.build())
                .setHttp1Config(Http1Config.custom().setBufferSize(CONNECTION_BUFFER_BYTES).build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofMilliseconds(readTimeoutMillis))
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent(USER_AGENT);
        if (proxy != null) {
            builder.setProxy(proxy);
        }
        this.client = builder.build();
        client.start();
    }

    @Override
    public CompletableFuture<HttpResult> executeAsync(String method, URI uri, String bearerToken, byte[] jsonBody) {
        return send(request(method, uri, bearerToken, jsonBody), new ResponseReader(maxBodyBytes, null));
    }

    /** Streams a 2xx body to the file, never holding it whole. */
    @Override
    public CompletableFuture<HttpResult> downloadAsync(URI uri, String bearerToken, Path file) {
        return send(request("GET", uri, bearerToken, null), new ResponseReader(maxBodyBytes, file));
    }

    @Override
    public HttpResult execute(String method, URI uri, String bearerToken, byte[] jsonBody) throws IOException {
        return await(executeAsync(method, uri, bearerToken, jsonBody));
    }

    @Override
    public HttpResult download(URI uri, String bearerToken, Path file) throws IOException {
        return await(downloadAsync(uri, bearerToken, file));
    }

    /** Sends the request; the answer completes the future, and failing the future first aborts the exchange. */
    private CompletableFuture<HttpResult> send(AsyncRequestProducer request, ResponseReader reader) {
        CompletableFuture<HttpResult> answer = new CompletableFuture<>();
        Future<HttpResult> exchange = client.execute(request, reader, new FutureCallback<>() {
            @Override
            public void completed(HttpResult result) {
                answer.complete(result);
            }

            @Override
            public void failed(Exception error) {
                answer.completeExceptionally(error);
            }

            @Override
            public void cancelled() {
                answer.cancel(false);
            }
        });
        answer.whenComplete((result, error) -> {
            if (error != null) {
                exchange.cancel(true);
            }
        });
        return answer;
    }

    private static AsyncRequestProducer request(String method, URI uri, String bearerToken, byte[] jsonBody) {
        AsyncRequestBuilder request = AsyncRequestBuilder.create(method).setUri(uri)
                .setHeader(HttpHeaders.ACCEPT, "application/json");
        if (bearerToken != null) {
            request.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken);
        }
        if (jsonBody != null) {
            request.setEntity(AsyncEntityProducers.create(jsonBody, ContentType.APPLICATION_JSON));
        }
        return request.build();
    }

    private static HttpResult await(CompletableFuture<HttpResult> answer) throws IOException {
        try {
            return answer.get();
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the response");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
