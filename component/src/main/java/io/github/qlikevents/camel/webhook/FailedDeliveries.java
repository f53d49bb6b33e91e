package io.github.qlikevents.camel.webhook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.qlikevents.camel.decoding.QlikJson;
import io.github.qlikevents.camel.http.QlikApiClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks Qlik to resend what a webhook failed to deliver: Qlik keeps each webhook's deliveries for 7 days and resends
 * one on request. Of each event's deliveries the newest decides: an event whose newest delivery failed is resent
 * once, one delivered since (by an earlier resend, or Qlik's own retry) is not. The resent events arrive like any
 * other delivery: signature checked, and once only with the idempotent repository.
 */
public final class FailedDeliveries {

    private static final Logger LOG = LoggerFactory.getLogger(FailedDeliveries.class);

    private final WebhooksApi api;

    public FailedDeliveries(QlikApiClient api) {
        this.api = new WebhooksApi(api);
    }

    /** Resends the webhook's undelivered events; returns how many it asked for. */
    public int resend(String webhookId) {
        String deliveries = WebhooksApi.WEBHOOKS + "/" + webhookId + "/deliveries";
        List<String> undelivered = undelivered(webhookId, deliveries);
        for (String delivery : undelivered) {
            api.requireOk(api.send("POST", deliveries + "/" + delivery + "/actions/resend", null),
                    "Resending delivery " + delivery + " of webhook " + webhookId);
        }
        if (!undelivered.isEmpty()) {
            LOG.info("Asked Qlik to resend {} failed deliveries of webhook {} (of the 7 days Qlik keeps)",
                    undelivered.size(), webhookId);
        }
        return undelivered.size();
    }

    /** The ids of the newest delivery of each event whose newest delivery failed, oldest event first. */
    private List<String> undelivered(String webhookId, String deliveries) {
        Set<String> decided = new HashSet<>();
        List<String> failed = new ArrayList<>();
        api.forEachItem(deliveries + "?limit=100&sort=-triggeredAt", "Listing the deliveries of webhook " + webhookId,
                delivery -> {
                    String event = eventId(delivery);
                    if ((event == null || decided.add(event)) && "fail".equals(delivery.path("status").asText())) {
                        failed.add(delivery.path("id").asText());
                    }
                });
        Collections.reverse(failed);
        return failed;
    }

    /** The id of the event a delivery carried, from the body sent (any of Qlik's envelopes), or null. */
    private static String eventId(JsonNode delivery) {
        try {
            JsonNode body = QlikJson.mapper().readTree(delivery.path("request").path("body").asText(""));
            String id = body.path("id").asText(null);
            return id != null ? id : body.path("eventId").asText(null);
        } catch (IOException e) {
            return null;
        }
    }
}
