package io.github.qlikevents.camel.polling;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.github.qlikevents.camel.support.Progress;
import io.github.qlikevents.camel.support.SandboxTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The dev console shows each poller's position, lag, API budget and sweeps, as text and as JSON. */
class PollingDevConsoleTest extends SandboxTestSupport {

    @Test
    void showsThePollersFigures() throws Exception {
        startSandbox(30);
        startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from(pollUri("since=P1D")).routeId("poll").to("mock:events");
            }
        });
        // the figures count completed exchanges: wait for those, not for the mock, which sees them a moment before
        Progress.awaitCount("events delivered and completed", () -> consumer("poll").getEventsDelivered(), 30);
        PollingDevConsole console = new PollingDevConsole();
        console.setCamelContext(context);

        String text = (String) console.call(DevConsole.MediaType.TEXT);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);

        assertThat(text).contains("Route: poll").contains("eventsDelivered: 30")
                .contains("watermark: " + sandbox.feed().snapshot().get(29).time())
                .containsPattern("requestsLastMinute: [1-9]").contains("maxRequestsPerMinute: 500");
        @SuppressWarnings("unchecked")
        Map<String, Object> poller = ((List<Map<String, Object>>) json.get("consumers")).get(0);
        assertThat(poller).containsEntry("routeId", "poll").containsEntry("eventsDelivered", 30L)
                .containsKeys("lagSeconds", "rateLimitSharePercent", "lastSweep", "eventsFromSweeps", "cappedWaits",
                        "leaseHolder", "leaseExpiry", "lastPollAgeSeconds");
    }

    @Test
    void isFoundByCamelsDevConsoleDiscovery() throws Exception {
        Properties service = new Properties();
        try (InputStream in = getClass().getResourceAsStream(
                "/META-INF/services/org/apache/camel/dev-console/qlik-license-events")) {
            service.load(in);
        }

        assertThat(service.getProperty("class")).isEqualTo(PollingDevConsole.class.getName());
    }
}
