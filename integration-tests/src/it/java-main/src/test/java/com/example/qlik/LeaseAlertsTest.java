package com.example.qlik;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.qlikevents.camel.sandbox.QlikSandbox;
import io.github.qlikevents.camel.sandbox.SandboxEvent;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The plain Java application against the sandbox tenant: one line per lease event of the history and of a live
 * stream, each once, in order, with typed fields.
 */
class LeaseAlertsTest {

    private static final String API_KEY = "user-project-api-key";

    @RegisterExtension
    static QlikSandbox tenant = new QlikSandbox(SandboxTenant.builder()
            .history(60, Duration.ofSeconds(1), Instant.now().minusSeconds(10)).apiKey(API_KEY));

    @TempDir
    Path directory;

    @Test
    void everyLeaseEventOfHistoryAndLiveStreamBecomesOneLine() throws Exception {
        Path alerts = directory.resolve("alerts.txt");
        List<SandboxEvent> leases;
        try (CamelContext context = LeaseAlerts.start(tenant.url(), API_KEY, alerts)) {
            await().atMost(Duration.ofMinutes(2)).until(() -> lines(alerts).size() >= leases().size());
            for (int live = 0; live < 3; live++) {
                publishLease();
                await().atMost(Duration.ofMinutes(2)).until(() -> lines(alerts).size() >= leases().size());
            }
            leases = leases();
        }

        List<String> lines = lines(alerts);
        assertEquals(leases.size(), lines.size());
        for (int i = 0; i < leases.size(); i++) {
            SandboxEvent lease = leases.get(i);
            long leased = lease.data().get("leasedQuantity").asLong();
            long licensed = lease.data().get("licenseQuantity").asLong();
            boolean over = lease.data().get("excess").asBoolean()
                           || !lease.data().get("licenseUnlimited").asBoolean() && leased > licensed;
            assertEquals(String.join(" ", lease.eventId(), lease.type(), lease.data().get("name").asText(),
                    leased + "/" + licensed, over ? "OVER" : "ok"), lines.get(i));
        }
    }

    /** Publishes events at the current time until one of them is a lease event. */
    private static void publishLease() {
        while (!tenant.tenant().feed().publishGenerated(Instant.now()).type().startsWith("com.qlik.v1.license.lease.")) {
            // the sandbox picks event types at random
        }
    }

    private static List<SandboxEvent> leases() {
        return tenant.tenant().feed().snapshot().stream()
                .filter(e -> e.type().startsWith("com.qlik.v1.license.lease.")).toList();
    }

    private static List<String> lines(Path file) throws Exception {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }
}
