package com.example.qlik;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.github.qlikevents.camel.model.Channel;
import io.github.qlikevents.camel.model.LicenseEvent;
import io.github.qlikevents.camel.model.RoleEvent;
import io.github.qlikevents.camel.sandbox.QlikSandbox;
import io.github.qlikevents.camel.sandbox.SandboxEvent;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application as a user runs it: tenant and key only in application.properties, one route per name of the
 * component, each configured by its own prefix; Actuator shows the pollers' health and gauges.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false) // tests export no metrics unless asked to
class QlikEventsApplicationTest {

    static final String API_KEY = "spring-boot-user-api-key";

    @RegisterExtension
    static QlikSandbox licenses = new QlikSandbox(SandboxTenant.builder().history(40, Duration.ofSeconds(30))
            .apiKey(API_KEY));
    @RegisterExtension
    static QlikSandbox roles = new QlikSandbox(SandboxTenant.builder().channels(Channel.ROLES)
            .history(25, Duration.ofSeconds(30)).apiKey(API_KEY));

    @DynamicPropertySource
    static void tenants(DynamicPropertyRegistry properties) {
        properties.add("LICENSES_TENANT_URL", licenses::url);
        properties.add("ROLES_TENANT_URL", roles::url);
        properties.add("QLIK_API_KEY", () -> API_KEY);
    }

    @Autowired
    EventLedger ledger;
    @Autowired
    CamelContext camel;
    @LocalServerPort
    int port;

    @Test
    void everyEventOfEachTenantArrivesOnceInOrderUnderItsName() {
        await().atMost(Duration.ofMinutes(2)).until(() -> ledger.entries().size() >= 65);

        assertThat(received("licenses")).containsExactlyElementsOf(ids(licenses));
        assertThat(received("roles")).containsExactlyElementsOf(ids(roles));
        assertThat(ledger.entries()).filteredOn(entry -> entry.route().equals("licenses"))
                .allSatisfy(entry -> assertThat(entry.body()).isInstanceOf(LicenseEvent.class));
        assertThat(ledger.entries()).filteredOn(entry -> entry.route().equals("roles"))
                .allSatisfy(entry -> assertThat(entry.body()).isInstanceOf(RoleEvent.class));
    }

    @Test
    void actuatorShowsHealthAndThePollersGauges() throws Exception {
        await().atMost(Duration.ofMinutes(2)).until(() -> ledger.entries().size() >= 65);

        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("camel");

        String prometheus = get("/actuator/prometheus").body();
        for (String route : List.of("licenses", "roles")) {
            assertThat(prometheus).containsPattern("qlik_events_requests_last_minute\\{[^}]*route=\"" + route
                                                   + "\"[^}]*} [1-9]")
                    .containsPattern("qlik_events_rate_limit_share_percent\\{[^}]*route=\"" + route + "\"")
                    .containsPattern("qlik_events_lag_seconds\\{[^}]*route=\"" + route + "\"[^}]*} [0-9]");
        }
        assertThat(prometheus).doesNotContain(API_KEY);
    }

    @Test
    void everyCamelJarIsOfOneCamelVersion() {
        String expected = System.getProperty("expected.camel.version");
        assertThat(camel.getVersion()).isEqualTo(expected);
        List<String> camelJars = Arrays.stream(System.getProperty("surefire.test.class.path",
                        System.getProperty("java.class.path")).split(java.io.File.pathSeparator))
                .filter(path -> path.contains("/org/apache/camel/") && path.endsWith(".jar")).toList();

        assertThat(camelJars).hasSizeGreaterThan(10)
                .allSatisfy(jar -> assertThat(jar).contains("-" + expected + ".jar"));
    }

    private List<String> received(String route) {
        return ledger.entries().stream().filter(entry -> entry.route().equals(route)).map(EventLedger.Entry::eventId)
                .toList();
    }

    private static List<String> ids(QlikSandbox tenant) {
        return tenant.tenant().feed().snapshot().stream().map(SandboxEvent::eventId).toList();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
