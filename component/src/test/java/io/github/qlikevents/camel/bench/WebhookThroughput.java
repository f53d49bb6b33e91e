package io.github.qlikevents.camel.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.qlikevents.camel.sandbox.EventDocuments;
import io.github.qlikevents.camel.sandbox.EventGenerator;
import io.github.qlikevents.camel.webhook.QlikSignature;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Webhook: signed deliveries per second at a given concurrency into a {@code webhook:qlik-license-events:} route on
 * platform-http, against a bare platform-http route that only answers 200 (the server's own limit).
 */
public final class WebhookThroughput {

    private static final String SECRET = "bench-webhook-secret-0123456789abcdef";

    private WebhookThroughput() {
    }

    /** Deliveries per second into the component's webhook route. */
    public static PollThroughput.Result component(int deliveries, int concurrency) throws Exception {
        return run(deliveries, concurrency, "webhook:qlik-license-events:licenses?webhookComponentName=platform-http"
                                            + "&webhookPath=/qlik&webhookAutoRegister=false&webhookSecret=" + SECRET,
                "/qlik");
    }

    /** Requests per second into a route that only answers 200. */
    public static PollThroughput.Result bare(int deliveries, int concurrency) throws Exception {
        return run(deliveries, concurrency, "platform-http:/bare", "/bare");
    }

    private static PollThroughput.Result run(int deliveries, int concurrency, String from, String path)
            throws Exception {
        QlikSignature signature = QlikSignature.withSecret(SECRET, "bench");
        EventGenerator generator = new EventGenerator(11, "bench-tenant");
        List<byte[]> bodies = new ArrayList<>();
        List<String> signatures = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            byte[] body = EventDocuments.cloudEvent(generator.event(i, Instant.parse("2026-11-20T10:00:00Z")));
            bodies.add(body);
            signatures.add(signature.sign(body));
        }
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost("127.0.0.1");
        configuration.setBindPort(0);
        VertxPlatformHttpServer server = new VertxPlatformHttpServer(configuration);
        AtomicInteger received = new AtomicInteger();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addService(server);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(from).process(e -> {
                        received.incrementAndGet();
                        e.getMessage().setBody("OK");
                    });
                }
            });
            camel.start();
            URI uri = URI.create("http://127.0.0.1:" + server.getServer().actualPort() + path);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            AtomicInteger next = new AtomicInteger();
            ExecutorService workers = Executors.newFixedThreadPool(concurrency);
            long start = System.nanoTime();
            List<Future<?>> jobs = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                jobs.add(workers.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < deliveries) {
                        int k = i % bodies.size();
                        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri)
                                .header("Content-Type", "application/json")
                                .header(QlikSignature.HEADER, signatures.get(k))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(k))).build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("HTTP " + response.statusCode());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
            long elapsed = System.nanoTime() - start;
            workers.shutdown();
            if (received.get() != deliveries) {
                throw new IllegalStateException("received " + received.get() + " of " + deliveries);
            }
            return new PollThroughput.Result(deliveries, elapsed);
        }
    }
}
