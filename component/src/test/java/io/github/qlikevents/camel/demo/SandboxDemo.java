package io.github.qlikevents.camel.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

import io.github.qlikevents.camel.model.Channel;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import org.apache.camel.main.Main;

/**
 * Runs the YAML routes in {@code routes/} with Camel Main: against the embedded sandbox tenant by default (it
 * publishes events of all five domains, a new one every few seconds, and pushes license events to the webhook route
 * in {@code routes/webhook/}),
 * or against a real tenant when {@code QLIK_TENANT_URL} is set with {@code QLIK_API_KEY}, or with
 * {@code QLIK_CLIENT_ID} and {@code QLIK_CLIENT_SECRET}; the webhook route then runs only when
 * {@code QLIK_WEBHOOK_EXTERNAL_URL} and {@code QLIK_WEBHOOK_SECRET} are set too. Needs camel-main, camel-yaml-dsl and
 * camel-platform-http-main on the classpath (the README's run command provides them).
 */
public final class SandboxDemo {

    private static final String COMPONENT = "camel.component.qlik-license-events.";
    private static final String POLL_ROUTES = "file:routes/*.camel.yaml";
    private static final String WEBHOOK_ROUTES = "file:routes/webhook/*.camel.yaml";
    private static final String DEMO_API_KEY = "sandbox-demo-key";

    private SandboxDemo() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        String tenantUrl = System.getenv("QLIK_TENANT_URL");
        SandboxTenant sandbox = null;
        if (tenantUrl == null || tenantUrl.isBlank()) {
            // four days of history, of which the list keeps three: the routes start with a short archive backfill
            sandbox = SandboxTenant.builder().channels(Channel.values()).history(280, Duration.ofMinutes(20))
                    .retention(Duration.ofDays(3)).apiKey(DEMO_API_KEY).start();
            main.addInitialProperty(COMPONENT + "tenant-url", sandbox.url());
            main.addInitialProperty(COMPONENT + "api-key", DEMO_API_KEY);
            main.addInitialProperty("qlik.delay", "2000");
            main.addInitialProperty("qlik.since", "P4D");
            int port = freeLoopbackPort();
            serveWebhooks(main, "127.0.0.1", port, "http://127.0.0.1:" + port, randomSecret());
            sandbox.publishEvery(Duration.ofSeconds(3));
            System.out.println("Embedded sandbox tenant at " + sandbox.url() + ": 280 events of all five domains"
                               + " (licenses, automations, roles, web integrations, IP policies) in the last four"
                               + " days, the oldest day in its audit archive only, a new one every 3 s, polled and"
                               + " pushed to the webhook route. Ctrl-C stops.");
        } else {
            main.addInitialProperty(COMPONENT + "tenant-url", tenantUrl);
            copyEnv(main, "QLIK_API_KEY", COMPONENT + "api-key");
            copyEnv(main, "QLIK_CLIENT_ID", COMPONENT + "client-id");
            copyEnv(main, "QLIK_CLIENT_SECRET", COMPONENT + "client-secret");
            String externalUrl = System.getenv("QLIK_WEBHOOK_EXTERNAL_URL");
            if (externalUrl != null && !externalUrl.isBlank()) {
                serveWebhooks(main, "0.0.0.0", Integer.parseInt(System.getenv().getOrDefault("QLIK_WEBHOOK_PORT",
                        "8080")), externalUrl, System.getenv("QLIK_WEBHOOK_SECRET"));
            } else {
                main.configure().withRoutesIncludePattern(POLL_ROUTES);
            }
            System.out.println("Tenant " + tenantUrl + ". Ctrl-C stops.");
        }
        try {
            main.run(args);
        } finally {
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }

    private static void serveWebhooks(Main main, String host, int port, String externalUrl, String secret) {
        main.configure().withRoutesIncludePattern(POLL_ROUTES + "," + WEBHOOK_ROUTES);
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", host);
        main.addInitialProperty("camel.server.port", Integer.toString(port));
        main.addInitialProperty("qlik.webhook.external-url", externalUrl);
        main.addInitialProperty("qlik.webhook.secret", secret);
    }

    private static void copyEnv(Main main, String variable, String property) {
        String value = System.getenv(variable);
        if (value != null && !value.isBlank()) {
            main.addInitialProperty(property, value);
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String randomSecret() {
        byte[] random = new byte[20];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
