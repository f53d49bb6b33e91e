package io.github.qlikevents.camel.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * The default {@link QlikTransport}: Apache HttpClient 5 (camel-http's stack), for every call to the tenant: pooled, with timeouts, optional
 * proxy and TLS settings, and neither redirects nor automatic retries (redirects could carry the bearer token
 * elsewhere; retries are {@link QlikApiClient}'s job).
 */
public final class QlikHttpClient implements QlikTransport {

    private static final String USER_AGENT = "camel-qlik-license-events";
    /** Open connections in all, kept alive between polls: one client serves every tenant of the JVM. */
    private static final int MAX_CONNECTIONS = 256;
    private static final int MAX_CONNECTIONS_PER_TENANT = 8;

    private final CloseableHttpClient client;

    /**
     * @param connectTimeoutMillis connect timeout
     * @param readTimeoutMillis    socket read timeout
     * @param proxy                a proxy, or null
     * @param sslContext           TLS settings, or null for the JVM defaults
     */
    public QlikHttpClient(int connectTimeoutMillis, int readTimeoutMillis, HttpHost proxy, SSLContext sslContext) {
        PoolingHttpClientConnectionManagerBuilder connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(connectTimeoutMillis))
                        .setSocketTimeout(Timeout.ofMilliseconds(readTimeoutMillis))
                        .build())
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS_PER_TENANT);
        if (sslContext != null) {
            connections.setTlsSocketStrategy(new DefaultClientTlsStrategy(sslContext));
        }
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(connections.build())
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
    }

    @Override
    public HttpResult execute(String method, URI uri, String bearerToken, byte[] jsonBody) throws IOException {
        return client.execute(request(method, uri, bearerToken, jsonBody), response -> new HttpResult(
                response.getCode(), retryAfter(response), body(response)));
    }

    /** Streams a 2xx body to the file, never holding it whole. */
    @Override
    public HttpResult download(URI uri, String bearerToken, Path file) throws IOException {
        return client.execute(request("GET", uri, bearerToken, null), response -> {
            if (response.getCode() < 200 || response.getCode() >= 300 || response.getEntity() == null) {
                return new HttpResult(response.getCode(), retryAfter(response), body(response));
            }
            try (InputStream in = response.getEntity().getContent()) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return new HttpResult(response.getCode(), retryAfter(response), new byte[0]);
        });
    }

    private static HttpUriRequestBase request(String method, URI uri, String bearerToken, byte[] jsonBody) {
        HttpUriRequestBase request = new HttpUriRequestBase(method, uri);
        request.setHeader(HttpHeaders.ACCEPT, "application/json");
        if (bearerToken != null) {
            request.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken);
        }
        if (jsonBody != null) {
            request.setEntity(new ByteArrayEntity(jsonBody, ContentType.APPLICATION_JSON));
        }
        return request;
    }

    private static String retryAfter(ClassicHttpResponse response) {
        Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
        return retryAfter == null ? null : retryAfter.getValue();
    }

    private static byte[] body(ClassicHttpResponse response) throws IOException {
        return response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
