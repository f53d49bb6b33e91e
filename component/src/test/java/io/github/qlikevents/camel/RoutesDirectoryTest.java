package io.github.qlikevents.camel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.qlikevents.camel.model.Channel;
import io.github.qlikevents.camel.sandbox.SandboxEvent;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import io.github.qlikevents.camel.support.Progress;
import io.github.qlikevents.camel.support.SandboxTestSupport;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The YAML routes in routes/ run as they are against the sandbox, and produce what their comments promise. */
class RoutesDirectoryTest extends SandboxTestSupport {

    @TempDir
    Path output;

    @Test
    void auditTrailCapacityAlertAndAssignmentSummaryRun() throws Exception {
        startSandbox(90);
        Properties properties = new Properties();
        properties.setProperty("qlik.assignments.uri", "mock:assignments");
        properties.setProperty("qlik.summary.interval", "500");
        startRoutes(properties, "audit-trail", "lease-capacity-alert", "assignment-summary");
        List<SandboxEvent> all = sandbox.feed().snapshot();
        long overCapacity = all.stream().filter(e -> e.type().startsWith("com.qlik.v1.license.lease."))
                .filter(e -> e.data().get("excess").asBoolean()
                             || e.data().get("leasedQuantity").asLong() > e.data().get("licenseQuantity").asLong())
                .count();
        long assignmentUsers = all.stream().filter(e -> e.type().startsWith("com.qlik.license.assignment."))
                .map(e -> e.data().get("subject").asText()).distinct().count();
        MockEndpoint alerts = mock("alerts");
        alerts.expectedMessageCount((int) overCapacity);
        alerts.allMessages().body().contains("is over capacity");
        MockEndpoint assignments = mock("assignments");
        assignments.expectedMinimumMessageCount((int) assignmentUsers);

        assertSatisfied(context);
        Path trail = output.resolve("audit-trail.jsonl");
        Progress.awaitCount("audit trail lines", () -> Files.exists(trail) ? Files.readAllLines(trail).size() : 0,
                all.size());

        assertThat(overCapacity).isPositive();
        assertThat(assignments.getReceivedExchanges()).extracting(e -> e.getMessage().getBody(String.class))
                .allSatisfy(line -> assertThat(line)
                        .matches("auth0\\|user-\\d+: (updated|deleted|rejected) \\w+(, (updated|deleted|rejected) \\w+)*"));
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(trail);
        for (int i = 0; i < all.size(); i++) {
            JsonNode event = json.readTree(lines.get(i));
            assertThat(event.get("specversion").asText()).isEqualTo("1.0");
            assertThat(event.get("id").asText()).isEqualTo(all.get(i).eventId());
            assertThat(event.get("type").asText()).isEqualTo(all.get(i).type());
            JsonNode written = event.get("data");
            JsonNode sent = json.readTree(all.get(i).data().toString());
            sent.properties().forEach(field -> assertThat(written.get(field.getKey()))
                    .as("data.%s of %s", field.getKey(), event.get("id")).isEqualTo(field.getValue()));
        }
    }

    @Test
    void securityAuditAutomationAlertsAndWebIntegrationOriginsRun() throws Exception {
        startSandbox(SandboxTenant.builder().channels(Channel.values())
                .history(290, java.time.Duration.ofSeconds(1), java.time.Instant.now().minusSeconds(10)));
        Properties properties = new Properties();
        properties.setProperty("qlik.origins.uri", "mock:origins");
        // configured once, under the component's name: the routes' qlik-events: endpoints use the same options
        startRoutes(properties, "security-audit", "automation-run-alerts", "web-integration-origins");
        List<SandboxEvent> all = sandbox.feed().snapshot();
        List<SandboxEvent> security = all.stream().filter(e -> e.type().contains(".role.")
                                                               || e.type().contains(".ip-policy.")).toList();
        long badRuns = all.stream().filter(e -> e.type().equals("com.qlik.v1.automation.run.ended"))
                .filter(e -> List.of("failed", "exceeded limit").contains(e.data().get("status").asText())).count();
        long webIntegrationEvents = all.stream().filter(e -> e.type().contains("web-integration.")).count();
        MockEndpoint alerts = mock("alerts");
        alerts.expectedMessageCount((int) badRuns);
        MockEndpoint origins = mock("origins");
        origins.expectedMessageCount((int) webIntegrationEvents);

        assertSatisfied(context);
        Progress.awaitCount("security audit lines", () -> auditLines().size(), security.size());

        assertThat(badRuns).isPositive();
        assertThat(alerts.getReceivedExchanges()).extracting(e -> e.getMessage().getBody(String.class))
                .allSatisfy(line -> assertThat(line).matches("(?s)Automation run 'Nightly sync \\d+' \\(.+\\) ended "
                                                             + "'(failed|exceeded limit)', started by \\w+: \\d+ API "
                                                             + "calls, \\d+ bytes received, \\d+ bytes sent .*"));
        assertThat(origins.getReceivedExchanges()).extracting(e -> e.getMessage().getBody(String.class))
                .anySatisfy(line -> assertThat(line).matches("web integration wi-\\d+ 'Portal \\d+' created by "
                                                             + "user-\\d+, origins \\[https://.*\\]"))
                .anySatisfy(line -> assertThat(line).contains("updated by").contains("/validOrigins: [\"https://"))
                .anySatisfy(line -> assertThat(line).contains("updated by").contains("name: \"Portal\" -> \"Portal "))
                .anySatisfy(line -> assertThat(line).matches("web integration wi-\\d+ deleted by user-\\d+"));
        List<String> lines = auditLines();
        assertThat(lines).hasSize(security.size());
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("com.qlik.core.role.updated")
                        .contains("changes=[/description: \"Old text\" -> \"Reviewed ")
                        .contains("/canDelete: false -> true").contains("/userEntitlementType: null -> \"fullUser\""))
                .anySatisfy(line -> assertThat(line).contains("com.qlik.v1.role.synced").endsWith("roles=2"))
                .anySatisfy(line -> assertThat(line).contains("com.qlik.core.ip-policy.updated")
                        .contains("changes=[/enabled: false -> true, /allowedIps: [\"10.0.0.0/8\"] -> ["))
                .anySatisfy(line -> assertThat(line).contains("com.qlik.core.ip-policy.created")
                        .contains("allowedIps=[61.254.213."));
        assertThat(lines).allSatisfy(line -> assertThat(line).matches("\\S+Z user-\\d+ com\\.qlik\\.\\S+ .+"));
    }

    /**
     * Runs routes/{name}.camel.yaml as they are, the component configured once as qlik-license-events, with the
     * routes' placeholders pointed at the sandbox, the temporary directory and mock:alerts, plus {@code properties}.
     */
    private void startRoutes(Properties properties, String... routes) throws Exception {
        context = new DefaultCamelContext();
        properties.setProperty("qlik.since", "P1D");
        properties.setProperty("qlik.delay", "100");
        properties.setProperty("qlik.demo.dir", output.toString());
        properties.setProperty("qlik.alerts.uri", "mock:alerts");
        context.getPropertiesComponent().setInitialProperties(properties);
        QlikLicenseEventsComponent component = new QlikLicenseEventsComponent();
        component.getConfiguration().setTenantUrl(sandbox.url());
        component.getConfiguration().setApiKey(API_KEY);
        context.addComponent("qlik-license-events", component);
        for (String route : routes) {
            PluginHelper.getRoutesLoader(context).loadRoutes(
                    ResourceHelper.resolveMandatoryResource(context, "file:../routes/" + route + ".camel.yaml"));
        }
        context.start();
    }

    /** The lines of the role and the IP policy audit logs. */
    private List<String> auditLines() throws java.io.IOException {
        List<String> lines = new java.util.ArrayList<>();
        for (String file : List.of("role-audit.log", "ip-policy-audit.log")) {
            Path path = output.resolve(file);
            if (Files.exists(path)) {
                lines.addAll(Files.readAllLines(path));
            }
        }
        return lines;
    }
}
