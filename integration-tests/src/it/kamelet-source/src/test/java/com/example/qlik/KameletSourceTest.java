package com.example.qlik;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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

/** The Kamelet, found in the component jar, in both output formats from a user's YAML route. */
class KameletSourceTest {

    private static final String API_KEY = "user-project-api-key";

    @RegisterExtension
    static QlikSandbox tenant = new QlikSandbox(SandboxTenant.builder()
            .history(60, Duration.ofSeconds(1), Instant.now().minusSeconds(10)).apiKey(API_KEY));

    @TempDir
    Path outbox;

    @Test
    void typedLeasesAndCloudEventsOfEveryEvent() throws Exception {
        List<SandboxEvent> events = tenant.tenant().feed().snapshot();
        List<SandboxEvent> leases = events.stream().filter(e -> e.type().startsWith("com.qlik.v1.license.lease.")).toList();
        Main main = new Main();
        main.configure().withRoutesIncludePattern("classpath:routes/*.camel.yaml");
        main.addInitialProperty("qlik.tenant-url", tenant.url());
        main.addInitialProperty("qlik.api-key", API_KEY);
        main.addInitialProperty("qlik.outbox", outbox.toString());
        main.start();
        try {
            await().atMost(Duration.ofMinutes(2)).until(() -> lines("leases.txt").size() >= leases.size()
                                                              && lines("cloudevents.jsonl").size() >= events.size());
        } finally {
            main.stop();
        }

        List<String> typed = lines("leases.txt");
        assertTrue(leases.size() > 0, "the sandbox history holds lease events");
        assertEquals(leases.size(), typed.size());
        for (int i = 0; i < leases.size(); i++) {
            SandboxEvent lease = leases.get(i);
            assertTrue(typed.get(i).matches(lease.eventId() + " " + lease.type().replace(".", "\\.") + " Lease(Created|Updated|Deleted) "
                                            + lease.data().get("leasedQuantity").asLong()), typed.get(i));
        }
        List<String> cloudEvents = lines("cloudevents.jsonl");
        assertEquals(events.size(), cloudEvents.size());
        for (int i = 0; i < events.size(); i++) {
            assertTrue(cloudEvents.get(i).contains("\"id\":\"" + events.get(i).eventId() + "\""), cloudEvents.get(i));
            assertTrue(cloudEvents.get(i).contains("\"specversion\":\"1.0\""), cloudEvents.get(i));
        }
    }

    private List<String> lines(String file) throws Exception {
        Path path = outbox.resolve(file);
        return Files.exists(path) ? Files.readAllLines(path) : List.of();
    }
}
