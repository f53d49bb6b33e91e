package com.example.qlik;

import java.io.File;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.github.qlikevents.camel.model.LicenseEvent;
import io.github.qlikevents.camel.model.RoleEvent;
import io.github.qlikevents.camel.sandbox.SandboxEvent;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Poll mode from application.properties, and the Kamelet in both output formats, on Camel Quarkus. */
@QuarkusTest
@QuarkusTestResource(SandboxTenants.class)
class PollAndKameletTest {

    SandboxTenants.Tenants tenants;
    @Inject
    CamelContext camel;

    @Test
    void everyLicenseEventOnceInOrderFromTheComponentsProperties() {
        await().atMost(Duration.ofMinutes(2)).until(() -> Received.of("licenses").size() >= 30);

        assertThat(ids("licenses")).containsExactlyElementsOf(ids(tenants.licenses()));
        assertThat(Received.of("licenses")).allSatisfy(m -> assertThat(m.body()).isInstanceOf(LicenseEvent.class));
    }

    @Test
    void kameletDeliversTypedBodiesAndCloudEvents() {
        await().atMost(Duration.ofMinutes(2)).until(() -> Received.of("kamelet-typed").size() >= 20
                                                          && Received.of("kamelet-cloudevents").size() >= 30);

        assertThat(ids("kamelet-typed")).containsExactlyElementsOf(ids(tenants.roles()));
        assertThat(Received.of("kamelet-typed")).allSatisfy(m -> assertThat(m.body()).isInstanceOf(RoleEvent.class));
        assertThat(ids("kamelet-cloudevents")).containsExactlyElementsOf(ids(tenants.licenses()));
        assertThat(Received.of("kamelet-cloudevents")).allSatisfy(m -> assertThat((String) m.body())
                .contains("\"specversion\":\"1.0\"").contains("\"id\":\"" + m.eventId() + "\"")
                .contains("\"type\":\"com.qlik."));
    }

    @Test
    void everyCamelJarIsOfOneCamelVersion() {
        String expected = System.getProperty("expected.camel.version");
        assertThat(camel.getVersion()).isEqualTo(expected);
        List<String> camelJars = Arrays.stream(System.getProperty("surefire.test.class.path",
                        System.getProperty("java.class.path")).split(File.pathSeparator))
                .filter(path -> path.contains("/org/apache/camel/") && !path.contains("/org/apache/camel/quarkus/")
                                && path.endsWith(".jar")).toList();

        assertThat(camelJars).hasSizeGreaterThan(10)
                .allSatisfy(jar -> assertThat(jar).contains("-" + expected + ".jar"));
    }

    private static List<String> ids(String route) {
        return Received.of(route).stream().map(Received.Message::eventId).toList();
    }

    private static List<String> ids(SandboxTenant tenant) {
        return tenant.feed().snapshot().stream().map(SandboxEvent::eventId).toList();
    }
}
