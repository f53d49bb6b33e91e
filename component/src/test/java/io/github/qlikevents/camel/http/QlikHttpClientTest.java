package io.github.qlikevents.camel.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The built-in non-blocking client against a real server on loopback: body limit, streaming download, no redirects. */
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
    void aRedirectIsAnsweredAsItIsNeverFollowed() throws IOException {
        HttpResult result = client.execute("GET", uri("/moved"), "token", null);

        assertThat(result.status()).isEqualTo(302);
    }
}
