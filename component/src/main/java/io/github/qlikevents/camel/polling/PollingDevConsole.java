package io.github.qlikevents.camel.polling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Route;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonObject;

/**
 * The Camel dev console of the Audits API pollers ({@code camel get dev-console qlik-license-events}, or the
 * developer console of camel-main): per route, the position, the lag, the requests of the last minute and their
 * share of Qlik's limit, the waits, and what the sweeps found.
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
        for (Route route : pollingRoutes()) {
            text.append("Route: ").append(route.getRouteId()).append('\n');
            ((QlikEventsPollingConsumer) route.getConsumer()).status()
                    .forEach((name, value) -> text.append("    ").append(name).append(": ").append(value).append('\n'));
        }
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        List<JsonObject> consumers = new ArrayList<>();
        for (Route route : pollingRoutes()) {
            JsonObject consumer = new JsonObject(((QlikEventsPollingConsumer) route.getConsumer()).status());
            consumer.put("routeId", route.getRouteId());
            consumers.add(consumer);
        }
        JsonObject root = new JsonObject();
        root.put("consumers", consumers);
        return root;
    }

    private List<Route> pollingRoutes() {
        return getCamelContext().getRoutes().stream()
                .filter(route -> route.getConsumer() instanceof QlikEventsPollingConsumer).toList();
    }
}
