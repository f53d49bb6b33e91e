package io.github.qlikevents.camel.sandbox;

import java.time.Duration;

import org.apache.camel.main.Main;

/**
 * Runs the YAML routes in {@code routes/} with Camel Main: against the embedded sandbox tenant by default (it
 * publishes a new license event every few seconds), or against a real tenant when {@code QLIK_TENANT_URL} is set
 * with {@code QLIK_API_KEY}, or with {@code QLIK_CLIENT_ID} and {@code QLIK_CLIENT_SECRET}. Needs camel-main and
 * camel-yaml-dsl on the classpath (the README's run command provides them).
 */
public final class SandboxDemo {

    private static final String COMPONENT = "camel.component.qlik-license-events.";
    private static final String DEMO_API_KEY = "sandbox-demo-key";

    private SandboxDemo() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.configure().withRoutesIncludePattern(System.getProperty("qlik.routes", "file:routes/*.camel.yaml"));
        String tenantUrl = System.getenv("QLIK_TENANT_URL");
        SandboxTenant sandbox = null;
        if (tenantUrl == null || tenantUrl.isBlank()) {
            sandbox = SandboxTenant.builder().history(60, Duration.ofMinutes(1)).apiKey(DEMO_API_KEY).start();
            sandbox.publishEvery(Duration.ofSeconds(3));
            main.addInitialProperty(COMPONENT + "tenant-url", sandbox.url());
            main.addInitialProperty(COMPONENT + "api-key", DEMO_API_KEY);
            main.addInitialProperty("qlik.delay", "2000");
            System.out.println("Embedded sandbox tenant at " + sandbox.url()
                               + ": 60 events in the last hour, a new one every 3 s. Ctrl-C stops.");
        } else {
            main.addInitialProperty(COMPONENT + "tenant-url", tenantUrl);
            copyEnv(main, "QLIK_API_KEY", "api-key");
            copyEnv(main, "QLIK_CLIENT_ID", "client-id");
            copyEnv(main, "QLIK_CLIENT_SECRET", "client-secret");
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

    private static void copyEnv(Main main, String variable, String option) {
        String value = System.getenv(variable);
        if (value != null && !value.isBlank()) {
            main.addInitialProperty(COMPONENT + option, value);
        }
    }
}
