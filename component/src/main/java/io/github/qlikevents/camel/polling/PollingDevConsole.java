package io.github.qlikevents.camel.polling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.qlikevents.camel.QlikLicenseEventsEndpoint;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonObject;

/**
 * The Camel dev console of the Audits API pollers ({@code camel get dev-console qlik-license-events}, or the
 * developer console of camel-main): per running poller (under master:, on the leader), the position, the lag, the
 * requests of the last minute and their share of Qlik's limit, the waits, what the sweeps found, and the lease on the
 * position with the age of the last completed poll.
 */
@DevConsole(name = "qlik-license-events", displayName = "Qlik License Events",
            description = "Qlik Cloud Audits API pollers: position, lag, API budget and sweeps")
public class PollingDevConsole extends AbstractDevConsole {

    public PollingDevConsole() {
        super("camel", "qlik-license-events", "Qlik License Events",
                "Qlik Cloud Audits API pollers: position, lag, API budget and sweeps");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        for (QlikEventsPollingConsumer poller : pollers()) {
            text.append("Route: ").append(poller.routeId()).append('\n');
            poller.status()
                    .forEach((name, value) -> text.append("    ").append(name).append(": ").append(value).append('\n'));
        }
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        List<JsonObject> consumers = new ArrayList<>();
        for (QlikEventsPollingConsumer poller : pollers()) {
            JsonObject consumer = new JsonObject(poller.status());
            consumer.put("routeId", poller.routeId());
            consumers.add(consumer);
        }
        JsonObject root = new JsonObject();
        root.put("consumers", consumers);
        return root;
    }

    /** The pollers running in the context, those that camel-master started on this leader among them. */
    private List<QlikEventsPollingConsumer> pollers() {
        return getCamelContext().getEndpoints().stream()
                .filter(QlikLicenseEventsEndpoint.class::isInstance)
                .map(endpoint -> ((QlikLicenseEventsEndpoint) endpoint).poller()).filter(Objects::nonNull).toList();
    }
}
