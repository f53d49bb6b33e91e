package io.github.qlikevents.camel.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The built-in non-blocking client against a real server on loopback: body limit, streaming download, proxy, no
 * redirects.
 */
class QlikHttpClientTest {

    private static final int LIMIT = 64 * 1024;
    private static final byte[] LARGE = new byte[LIMIT * 4];

    @TempDir
    Path directory;
    private HttpServer server;
    private QlikHttpClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/large", exchange -> {
            exchange.sendResponseHeaders(200, LARGE.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(LARGE);
            }
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "https://elsewhere.example/api/v1/audits");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
        client = new QlikHttpClient(5_000, 30_000, null, null, LIMIT);
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void aBodyLargerThanTheLimitFailsNamingTheLimit() {
        assertThatThrownBy(() -> client.execute("GET", uri("/large"), "token", null))
                .isInstanceOf(IOException.class).hasMessageContaining("larger than " + LIMIT + " bytes");
    }

    @Test
    void aDownloadStreamsItsBodyToTheFilePastTheLimit() throws IOException {
        Path file = directory.resolve("day.json");

        HttpResult result = client.download(uri("/large"), "token", file);

        assertThat(result.status()).isEqualTo(200);
        assertThat(Files.readAllBytes(file)).isEqualTo(LARGE);
    }

    @Test
    void aProxyCarriesTheRequestsToTheTenant() throws IOException {
        List<String> proxied = new CopyOnWriteArrayList<>();
        server.createContext("/", exchange -> {
            proxied.add(exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(200, 2);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("{}".getBytes(StandardCharsets.UTF_8));
            }
        });
        try (QlikHttpClient viaProxy = new QlikHttpClient(5_000, 30_000,
                new HttpHost("127.0.0.1", server.getAddress().getPort()), null)) {
            // a tenant that is not listening: only the proxy can answer
            HttpResult result = viaProxy.execute("GET", URI.create("http://127.0.0.2:9/api/v1/audits"), "token", null);

            assertThat(result.status()).isEqualTo(200);
        }
        assertThat(proxied).containsExactly("http://127.0.0.2:9/api/v1/audits");
    }

    @Test
    void aRedirectIsAnsweredAsItIsNeverFollowed() throws IOException {
        HttpResult result = client.execute("GET", uri("/moved"), "token", null);

        assertThat(result.status()).isEqualTo(302);
    }
}
