package com.example.qlik;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import io.github.qlikevents.camel.model.Channel;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Two sandbox tenants for the application (license events, role events) and the environment that points at them. */
public class SandboxTenants implements QuarkusTestResourceLifecycleManager {

    /** The running tenants and the HTTP port of the application under test, injected into the tests. */
    public record Tenants(SandboxTenant licenses, SandboxTenant roles, int port) {
    }

    static final String API_KEY = "quarkus-user-api-key";
    static final String WEBHOOK_SECRET = "quarkus-user-webhook-secret-0123456789abcdef";

    private Tenants tenants;

    @Override
    public Map<String, String> start() {
        try {
            tenants = new Tenants(SandboxTenant.builder().history(30, Duration.ofSeconds(30)).apiKey(API_KEY).start(),
                    SandboxTenant.builder().channels(Channel.ROLES).history(20, Duration.ofSeconds(30)).apiKey(API_KEY)
                            .start(),
                    freePort());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("QLIK_TENANT_URL", tenants.licenses().url(), "QLIK_ROLES_TENANT_URL", tenants.roles().url(),
                "QLIK_API_KEY", API_KEY, "QLIK_WEBHOOK_SECRET", WEBHOOK_SECRET,
                "QLIK_WEBHOOK_EXTERNAL_URL", "http://127.0.0.1:" + tenants.port(),
                "quarkus.http.test-port", Integer.toString(tenants.port()), "quarkus.http.host", "127.0.0.1");
    }

    /** A loopback port free now, for the application's HTTP server (Quarkus tests must be told it beforehand). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(tenants, new TestInjector.MatchesType(Tenants.class));
    }

    @Override
    public void stop() {
        tenants.licenses().close();
        tenants.roles().close();
    }
}
