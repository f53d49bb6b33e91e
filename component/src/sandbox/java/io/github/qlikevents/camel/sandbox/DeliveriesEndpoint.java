package io.github.qlikevents.camel.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.qlikevents.camel.decoding.QlikJson;

/**
 * A webhook's deliveries as Qlik's API definitions describe them: the list ({@code status}, {@code eventType},
 * {@code sort} on status or triggeredAt, {@code limit}, cursors), one delivery, and the resend action (201 with the
 * new delivery). A delivery is shown as its last attempt, in the spec's shape: {@code id}, {@code webhookId},
 * {@code eventType}, {@code status} (success or fail), {@code statusMessage}, {@code triggeredAt}, {@code request}
 * (url, headers with encrypted values omitted, body) and {@code response} (statusCode, headers, body).
 */
final class DeliveriesEndpoint {

    private static final Pattern PATH = Pattern.compile(
            WebhooksEndpoint.BASE + "/([^/]+)/deliveries(?:/([^/]+)(/actions/resend)?)?/?");
    private static final List<String> SORTABLE = List.of("status", "triggeredAt");

    private final WebhooksEndpoint webhooks;
    private final WebhookDispatcher dispatcher;
    private final Function<String, SandboxEvent> events;
    private final Supplier<String> tenantUrl;

    DeliveriesEndpoint(WebhooksEndpoint webhooks, WebhookDispatcher dispatcher, Function<String, SandboxEvent> events,
                       Supplier<String> tenantUrl) {
        this.webhooks = webhooks;
        this.dispatcher = dispatcher;
        this.events = events;
        this.tenantUrl = tenantUrl;
    }

    /** Whether the path is one of a webhook's deliveries. */
    static boolean handles(String path) {
        return PATH.matcher(path).matches();
    }

    SandboxResponse handle(String method, String path, Map<String, String> query) {
        Matcher matcher = PATH.matcher(path);
        if (!matcher.matches()) {
            return SandboxResponse.error(404, "Not found", "no such endpoint");
        }
        String webhookId = matcher.group(1);
        if (webhooks.get(webhookId) == null) {
            return SandboxResponse.error(404, "Not found", "no webhook " + webhookId);
        }
        String deliveryId = matcher.group(2);
        boolean resend = matcher.group(3) != null;
        if (!method.equals(resend ? "POST" : "GET")) {
            return SandboxResponse.error(405, "Method not allowed", "use " + (resend ? "POST" : "GET"));
        }
        Map<String, SandboxDelivery> latest = latest(webhookId);
        if (deliveryId == null) {
            List<ObjectNode> kept = latest.values().stream()
                    .filter(d -> !query.containsKey("status") || query.get("status").equals(status(d)))
                    .filter(d -> !query.containsKey("eventType") || query.get("eventType").equals(d.eventType()))
                    .map(this::view).toList();
            return ListPage.of(kept, query, SORTABLE, "-triggeredAt",
                    tenantUrl.get() + WebhooksEndpoint.BASE + "/" + webhookId + "/deliveries");
        }
        if (!latest.containsKey(deliveryId)) {
            return SandboxResponse.error(404, "Not found", "no delivery " + deliveryId + " of webhook " + webhookId);
        }
        if (!resend) {
            return SandboxResponse.json(200, view(latest.get(deliveryId)).toString());
        }
        SandboxDelivery again = dispatcher.resend(webhookId, deliveryId, events);
        return again == null ? SandboxResponse.error(404, "Not found", "no delivery " + deliveryId)
                : SandboxResponse.json(201, view(again).toString());
    }

    /** The last attempt of each delivery of the webhook. */
    private Map<String, SandboxDelivery> latest(String webhookId) {
        Map<String, SandboxDelivery> latest = new LinkedHashMap<>();
        dispatcher.deliveries().stream().filter(d -> d.webhookId().equals(webhookId))
                .forEach(d -> latest.put(d.id(), d));
        return latest;
    }

    private ObjectNode view(SandboxDelivery delivery) {
        ObjectNode view = QlikJson.mapper().createObjectNode().put("id", delivery.id())
                .put("webhookId", delivery.webhookId()).put("eventType", delivery.eventType())
                .put("status", status(delivery))
                .put("statusMessage", delivery.status() == 0 ? "the receiver did not answer"
                        : "the receiver answered HTTP " + delivery.status())
                .put("triggeredAt", delivery.at().toString());
        SandboxWebhook webhook = webhooks.get(delivery.webhookId());
        ObjectNode request = view.putObject("request").put("url", webhook.url());
        ObjectNode headers = request.putObject("headers");
        delivery.requestHeaders().forEach((name, value) -> headers.put(name,
                webhook.encryptedHeaders().containsKey(name) ? "**OMITTED**" : value));
        request.put("body", new String(EventDocuments.webhookBody(events.apply(delivery.eventId()),
                webhook.cloudEvents()), StandardCharsets.UTF_8));
        ObjectNode response = view.putObject("response").put("statusCode", delivery.status());
        response.putObject("headers");
        response.put("body", "");
        return view;
    }

    private static String status(SandboxDelivery delivery) {
        return delivery.succeeded() ? "success" : "fail";
    }
}
