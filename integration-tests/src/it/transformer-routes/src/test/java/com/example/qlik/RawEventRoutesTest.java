package com.example.qlik;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.qlikevents.camel.sandbox.EventDocuments;
import io.github.qlikevents.camel.sandbox.QlikSandbox;
import io.github.qlikevents.camel.sandbox.SandboxEvent;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A YAML route of the user's own decodes raw event files in all three envelopes with qlik-license-events:event and
 * writes them back with qlik-license-events:application-cloudevents.
 */
class RawEventRoutesTest {

    @RegisterExtension
    static QlikSandbox tenant = new QlikSandbox(SandboxTenant.builder()
            .history(30, Duration.ofSeconds(1), Instant.now().minusSeconds(10)));

    @TempDir
    Path inbox;

    @TempDir
    Path outbox;

    @Test
    void rawEventsInEveryEnvelopeBecomeTypedEventsAndCloudEventsAgain() throws Exception {
        Map<String, Function<SandboxEvent, byte[]>> envelopes = Map.of(
                "cloudevent", EventDocuments::cloudEvent,
                "legacy", EventDocuments::hybridWebhook,
                "audit-item", event -> EventDocuments.auditItem(event, tenant.url()));
        List<SandboxEvent> events = tenant.tenant().feed().snapshot();
        for (SandboxEvent event : events) {
            for (var envelope : envelopes.entrySet()) {
                Files.write(inbox.resolve(event.eventId() + "." + envelope.getKey() + ".json"),
                        envelope.getValue().apply(event));
            }
        }
        Main main = new Main();
        main.configure().withRoutesIncludePattern("classpath:routes/*.camel.yaml");
        main.addInitialProperty("qlik.inbox", inbox.toString());
        main.addInitialProperty("qlik.outbox", outbox.toString());
        main.start();
        Path summary = outbox.resolve("summary.txt");
        try {
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> Files.exists(summary) && Files.readAllLines(summary).size() >= events.size() * 3);
        } finally {
            main.stop();
        }

        List<String> lines = Files.readAllLines(summary);
        assertEquals(events.size() * envelopes.size(), lines.size());
        for (SandboxEvent event : events) {
            String expected = event.eventId() + " " + event.type() + " " + bodyType(event.type()) + " " + event.tenantId();
            assertEquals(3, lines.stream().filter(expected::equals).count(), "in every envelope: " + expected);
            for (String envelope : envelopes.keySet()) {
                String written = Files.readString(outbox.resolve("cloudevents/" + event.eventId() + "." + envelope + ".json"));
                assertTrue(written.contains("\"specversion\":\"1.0\""), written);
                assertTrue(written.contains("\"id\":\"" + event.eventId() + "\""), written);
                assertTrue(written.contains("\"type\":\"" + event.type() + "\""), written);
                assertTrue(written.contains("\"tenantid\":\"" + event.tenantId() + "\""), written);
            }
        }
    }

    /** The body type the component names after Qlik's type, e.g. com.qlik.v1.license.lease.created: LeaseCreated. */
    private static String bodyType(String type) {
        return switch (type) {
            case "com.qlik.license.assignment.deleted" -> "AssignmentDeleted";
            case "com.qlik.license.assignment.rejected" -> "AssignmentRejected";
            case "com.qlik.license.assignment.updated" -> "AssignmentUpdated";
            case "com.qlik.v1.license.lease.created" -> "LeaseCreated";
            case "com.qlik.v1.license.lease.deleted" -> "LeaseDeleted";
            case "com.qlik.v1.license.lease.updated" -> "LeaseUpdated";
            case "com.qlik.license.data.volume.consumption.aggregated" -> "DataVolumeConsumptionAggregated";
            case "com.qlik.license.definition.updated" -> "DefinitionUpdated";
            case "com.qlik.v1.license.tenant.associated" -> "TenantAssociated";
            case "com.qlik.v1.licenses.purged" -> "LicensesPurged";
            default -> throw new AssertionError("the sandbox published an unexpected type " + type);
        };
    }
}
