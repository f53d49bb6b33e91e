package io.github.qlikevents.camel.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.github.qlikevents.camel.webhook.QlikSignature;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;

/** Webhook routes on platform-http (Vert.x) bound to a free loopback port, and signed requests to them. */
public abstract class WebhookTestSupport extends SandboxTestSupport {

    protected static final QlikSignature SIGNATURE = QlikSignature.withSecret(TestSecrets.WEBHOOK_SECRET, "test");
    protected final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private VertxPlatformHttpServer server;

    /** A context serving HTTP on 127.0.0.1 and a free port, with the routes added. */
    protected CamelContext startWebhookContext(RoutesBuilder routes) throws Exception {
        return startWebhookContext(routes, 0);
    }

    /**
     * A context serving HTTP on 127.0.0.1 and a free port, without routes yet: routes that register a webhook come
     * once the server is up, so that the external URL can name its port.
     */
    protected CamelContext startWebhookServer() throws Exception {
        return startWebhookContext(new RouteBuilder() {
            @Override
            public void configure() {
                // routes are added by the test
            }
        });
    }

    /** A context serving HTTP on 127.0.0.1 and {@code port} (0 for a free one), with the routes added. */
    protected CamelContext startWebhookContext(RoutesBuilder routes, int port) throws Exception {
        context = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost("127.0.0.1");
        configuration.setBindPort(port);
        server = new VertxPlatformHttpServer(configuration);
        context.addService(server);
        context.addRoutes(routes);
        context.start();
        return context;
    }

    /** The base URL of the HTTP server. */
    protected String serverUrl() {
        return "http://127.0.0.1:" + server.getServer().actualPort();
    }

    /** A webhook endpoint URI on platform-http at {@code path}, with extra options. */
    protected static String webhookUri(String path, String options) {
        return "webhook:qlik-license-events:licenses?webhookComponentName=platform-http&webhookPath=" + path
               + "&webhookSecret=" + TestSecrets.WEBHOOK_SECRET + (options.isEmpty() ? "" : "&" + options);
    }

    /** POSTs the body signed with the test secret. */
    protected HttpResponse<String> postSigned(String path, byte[] body) throws Exception {
        return post(path, body, Map.of(QlikSignature.HEADER, SIGNATURE.sign(body)));
    }

    protected HttpResponse<String> post(String path, byte[] body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serverUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
