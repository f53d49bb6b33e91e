package com.example.qlik;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.qlikevents.camel.sandbox.QlikSandbox;
import io.github.qlikevents.camel.model.Channel;
import io.github.qlikevents.camel.sandbox.SandboxEvent;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** routes/*.camel.yaml, unchanged, on camel-main against the sandbox tenant: what each route promises arrives. */
class ExampleRoutesTest {

    private static final String API_KEY = "user-project-api-key";
    private static final Path LOG = Path.of("target/application.log");
    private static final String ALERTS = "qlik.capacity-alerts";
    private static final String SUMMARY = "qlik.assignment-summary";
    private static final String RUN_ALERTS = "qlik.automation-alerts";
    private static final String ORIGINS = "qlik.web-integration-origins";

    @RegisterExtension
    static QlikSandbox tenant = new QlikSandbox(SandboxTenant.builder().channels(Channel.values())
            .history(290, Duration.ofSeconds(1), Instant.now().minusSeconds(10)).apiKey(API_KEY));

    @TempDir
    Path output;

    @Test
    void everyRouteOfEveryDomainDeliversWhatItPromises() throws Exception {
        Main main = new Main();
        main.configure().withRoutesIncludePattern("file:" + System.getProperty("qlik.repo.dir") + "/routes/*.camel.yaml");
        main.addInitialProperty("camel.component.qlik-license-events.tenant-url", tenant.url());
        main.addInitialProperty("camel.component.qlik-license-events.api-key", API_KEY);
        main.addInitialProperty("qlik.since", "P1D");
        main.addInitialProperty("qlik.delay", "200");
        main.addInitialProperty("qlik.demo.dir", output.toString());
        main.addInitialProperty("qlik.summary.interval", "500");
        List<SandboxEvent> all = tenant.tenant().feed().snapshot();
        List<SandboxEvent> events = all.stream().filter(e -> Channel.ofType(e.type()).orElseThrow() == Channel.LICENSES)
                .toList();
        List<SandboxEvent> overCapacity = events.stream().filter(ExampleRoutesTest::overCapacity).toList();
        long securityChanges = all.stream().filter(e -> e.type().contains(".role.") || e.type().contains(".ip-policy."))
                .count();
        long badRuns = all.stream().filter(e -> e.type().equals("com.qlik.v1.automation.run.ended"))
                .filter(e -> List.of("failed", "exceeded limit").contains(e.data().get("status").asText())).count();
        long webIntegrationEvents = all.stream().filter(e -> e.type().contains("web-integration.")).count();
        main.start();
        try {
            Path trail = output.resolve("audit-trail.jsonl");
            await().atMost(Duration.ofMinutes(2)).until(() -> lines(trail).size() >= events.size());
            await().atMost(Duration.ofMinutes(2)).until(() -> logged(ALERTS).size() >= overCapacity.size());
            await().atMost(Duration.ofMinutes(2)).until(() -> !logged(SUMMARY).isEmpty());
            await().atMost(Duration.ofMinutes(2)).until(() -> auditLines().size() >= securityChanges);
            await().atMost(Duration.ofMinutes(2)).until(() -> logged(RUN_ALERTS).size() >= badRuns);
            await().atMost(Duration.ofMinutes(2)).until(() -> logged(ORIGINS).size() >= webIntegrationEvents);
        } finally {
            main.stop();
        }

        List<String> trail = lines(output.resolve("audit-trail.jsonl"));
        assertEquals(events.size(), trail.size(), "one CloudEvents line per event, each once");
        for (int i = 0; i < events.size(); i++) {
            assertTrue(trail.get(i).contains("\"id\":\"" + events.get(i).eventId() + "\""), trail.get(i));
            assertTrue(trail.get(i).contains("\"type\":\"" + events.get(i).type() + "\""), trail.get(i));
            assertTrue(trail.get(i).contains("\"specversion\":\"1.0\""), trail.get(i));
        }
        List<String> alerts = logged(ALERTS);
        assertTrue(overCapacity.size() > 0, "the sandbox history holds leases over capacity");
        assertEquals(overCapacity.size(), alerts.size(), String.join("\n", alerts));
        for (int i = 0; i < alerts.size(); i++) {
            SandboxEvent lease = overCapacity.get(i);
            assertTrue(alerts.get(i).contains("is over capacity: " + lease.data().get("leasedQuantity").asLong()
                                              + " leased of " + lease.data().get("licenseQuantity").asLong()), alerts.get(i));
            assertTrue(alerts.get(i).contains("event " + lease.eventId()), alerts.get(i));
        }
        Pattern summary = Pattern.compile("(auth0\\|user-\\d+): ((updated|deleted|rejected) \\w+(, )?)+");
        for (String line : logged(SUMMARY)) {
            Matcher matcher = summary.matcher(line);
            assertTrue(matcher.matches(), line);
            assertTrue(events.stream().anyMatch(e -> e.type().startsWith("com.qlik.license.assignment.")
                                                     && matcher.group(1).equals(e.data().get("subject").asText())), line);
        }
        assertTrue(Files.readString(LOG).contains("com.qlik.v1.license.lease.created -> LeaseCreated["),
                "the audit trail logs typed bodies");
        // the qlik-events: routes of the other four domains, configured only as qlik-license-events
        List<String> audit = auditLines();
        assertEquals(securityChanges, audit.size(), String.join("\n", audit));
        assertTrue(audit.stream().anyMatch(l -> l.contains("com.qlik.core.ip-policy.updated")
                                                && l.contains("changes=[/enabled: false -> true")), String.join("\n", audit));
        assertTrue(audit.stream().anyMatch(l -> l.contains("com.qlik.v1.role.updated") && l.contains("/canDelete: false -> true")),
                String.join("\n", audit));
        assertTrue(badRuns > 0, "the sandbox history holds failed automation runs");
        assertEquals(badRuns, logged(RUN_ALERTS).size());
        assertTrue(logged(RUN_ALERTS).stream().allMatch(l -> l.matches("Automation run .* ended '(failed|exceeded limit)'.*"
                                                                       + " \\d+ API calls, \\d+ bytes received, \\d+ bytes sent.*")),
                String.join("\n", logged(RUN_ALERTS)));
        assertEquals(webIntegrationEvents, logged(ORIGINS).size());
        assertTrue(logged(ORIGINS).stream().anyMatch(l -> l.contains("/validOrigins: [\"https://")),
                String.join("\n", logged(ORIGINS)));
    }

    /** The bodies the log: endpoint of the routes wrote to {@code logger}, in order. */
    private static List<String> logged(String logger) throws Exception {
        Pattern line = Pattern.compile(".* INFO " + Pattern.quote(logger) + " - Exchange\\[.*Body: (.*)]");
        return lines(LOG).stream().map(line::matcher).filter(Matcher::matches).map(m -> m.group(1)).toList();
    }

    private static boolean overCapacity(SandboxEvent event) {
        return event.type().startsWith("com.qlik.v1.license.lease.")
               && (event.data().get("excess").asBoolean() || !event.data().get("licenseUnlimited").asBoolean()
                   && event.data().get("leasedQuantity").asLong() > event.data().get("licenseQuantity").asLong());
    }

    /** The lines of the role and the IP policy audit logs. */
    private List<String> auditLines() throws Exception {
        List<String> audit = new java.util.ArrayList<>(lines(output.resolve("role-audit.log")));
        audit.addAll(lines(output.resolve("ip-policy-audit.log")));
        return audit;
    }

    private static List<String> lines(Path file) throws Exception {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }
}
