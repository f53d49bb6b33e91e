package io.github.qlikevents.camel;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import io.github.qlikevents.camel.sandbox.SandboxEvent;
import io.github.qlikevents.camel.support.SandboxTestSupport;
import io.github.qlikevents.examples.ExactlyOnceRoutes;
import io.github.qlikevents.examples.LicenseEventRoutes;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The Java DSL examples run against the sandbox and do what they say. */
class ExamplesTest extends SandboxTestSupport {

    @TempDir
    Path directory;

    @Test
    void exactlyOnceAcrossARestartThatLostThePosition() throws Exception {
        startSandbox(40);
        List<String> first = runExactlyOnce(40);
        // a crash after delivery but before the position was stored: the position file is gone
        assertThat(directory.resolve("qlik-positions.dat").toFile().delete()).isTrue();
        SandboxEvent fresh = sandbox.feed().publishGenerated(java.time.Instant.now());

        List<String> second = runExactlyOnce(1);

        assertThat(first).containsExactlyElementsOf(expectedIds(e -> !e.equals(fresh)));
        assertThat(second).containsExactly(fresh.eventId());
    }

    @Test
    void javaRoutesAlertOnLeasesOverCapacity() throws Exception {
        startSandbox(60);
        context = contextWithSandbox();
        context.getPropertiesComponent().setInitialProperties(properties("qlik.alerts.uri", "mock:alerts"));
        context.addRoutes(new LicenseEventRoutes());
        context.start();
        long overCapacity = sandbox.feed().snapshot().stream()
                .filter(e -> e.type().startsWith("com.qlik.v1.license.lease."))
                .filter(e -> e.data().get("excess").asBoolean()).count();
        MockEndpoint alerts = mock("alerts");
        alerts.expectedMessageCount((int) overCapacity);
        alerts.allMessages().body().contains("is over capacity");

        assertSatisfied(alerts);
    }

    private List<String> runExactlyOnce(int expected) throws Exception {
        CamelContext run = contextWithSandbox();
        run.getPropertiesComponent().setInitialProperties(properties("qlik.exactly-once.uri", "mock:once"));
        run.addRoutes(new ExactlyOnceRoutes(directory.toFile()));
        run.start();
        try {
            context = run;
            MockEndpoint once = mock("once");
            once.expectedMessageCount(expected);
            assertSatisfied(once);
            awaitMorePolls("exactly-once", 2);
            return receivedIds(once);
        } finally {
            run.close();
            context = null;
        }
    }

    private CamelContext contextWithSandbox() {
        CamelContext camel = new DefaultCamelContext();
        QlikLicenseEventsComponent component = new QlikLicenseEventsComponent();
        component.getConfiguration().setTenantUrl(sandbox.url());
        component.getConfiguration().setApiKey(API_KEY);
        camel.addComponent("qlik-license-events", component);
        return camel;
    }

    private Properties properties(String sink, String uri) {
        Properties properties = new Properties();
        properties.setProperty(sink, uri);
        properties.setProperty("qlik.since", "P1D");
        properties.setProperty("qlik.delay", "100");
        properties.setProperty("qlik.demo.dir", directory.toString());
        return properties;
    }
}
