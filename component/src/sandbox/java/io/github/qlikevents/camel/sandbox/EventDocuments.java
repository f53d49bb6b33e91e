package io.github.qlikevents.camel.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.qlikevents.camel.decoding.QlikJson;
import io.github.qlikevents.camel.model.Channel;

/** A sandbox event written the ways Qlik delivers it: an Audits API item, a webhook body (hybrid or CloudEvents). */
public final class EventDocuments {

    private static final String CORE_WEB_INTEGRATION = "com.qlik.core.web-integration.";

    private EventDocuments() {
    }

    /** The CloudEvents 1.0 document of webhooks with CloudEvents delivery. */
    public static byte[] cloudEvent(SandboxEvent event) {
        return webhookBody(event, true);
    }

    /** The hybrid body (legacy and 1.0 fields) of webhooks without CloudEvents delivery. */
    public static byte[] hybridWebhook(SandboxEvent event) {
        return webhookBody(event, false);
    }

    /** The Audits API item, with its self link below {@code tenantUrl}. */
    public static byte[] auditItem(SandboxEvent event, String tenantUrl) {
        return write(json -> writeAuditItem(json, event, tenantUrl));
    }

    static byte[] webhookBody(SandboxEvent event, boolean cloudEvent) {
        return write(json -> {
            json.writeStartObject();
            boolean automation = Channel.ofType(event.type()).orElse(null) == Channel.AUTOMATIONS;
            json.writeStringField("specversion", automation ? "1.0.2" : "1.0");
            json.writeStringField("id", event.eventId());
            json.writeStringField("type", event.type());
            json.writeStringField("source", EventGenerator.sourceOf(event.type()));
            json.writeStringField("time", event.time().toString());
            json.writeStringField("datacontenttype", "application/json");
            json.writeStringField("tenantid", event.tenantId());
            if (event.userId() != null) {
                json.writeStringField("userid", event.userId());
            }
            if (event.type().startsWith(CORE_WEB_INTEGRATION)) {
                // the richer envelope of the core web integration events
                json.writeStringField("authtype", "tenants");
                json.writeStringField("sessionid", "session-" + event.userId());
                json.writeStringField("authclaims", "{\"sub\":\"auth0|" + event.userId() + "\",\"scope\":\"user_default\"}");
                json.writeStringField("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
                json.writeStringField("tracestate", "b3=00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
            }
            if (!cloudEvent) {
                json.writeStringField("cloudEventsVersion", "0.1");
                json.writeStringField("eventId", event.eventId());
                json.writeStringField("eventType", event.type());
                json.writeStringField("eventTime", event.time().toString());
                json.writeStringField("eventTypeVersion", "1.0.0");
                json.writeStringField("contentType", "application/json");
                json.writeObjectFieldStart("extensions");
                json.writeStringField("tenantId", event.tenantId());
                json.writeEndObject();
            }
            json.writeFieldName("data");
            json.writeTree(event.data());
            json.writeEndObject();
        });
    }

    static void writeAuditItem(JsonGenerator json, SandboxEvent event, String tenantUrl) throws IOException {
        writeItem(json, event, tenantUrl);
    }

    /** An item of the audit archive: the list item without its audit {@code id} and {@code links}. */
    static void writeArchiveItem(JsonGenerator json, SandboxEvent event) throws IOException {
        writeItem(json, event, null);
    }

    /** The list item, or (tenantUrl null) the archive item. */
    private static void writeItem(JsonGenerator json, SandboxEvent event, String tenantUrl) throws IOException {
        json.writeStartObject();
        if (tenantUrl != null) {
            json.writeStringField("id", event.auditId());
        }
        json.writeStringField("eventId", event.eventId());
        json.writeStringField("eventType", event.type());
        json.writeStringField("eventTypeVersion", "1.0.0");
        json.writeStringField("eventTime", event.time().toString());
        json.writeStringField("source", EventGenerator.sourceOf(event.type()));
        json.writeStringField("contentType", "application/json");
        json.writeStringField("tenantId", event.tenantId());
        if (event.userId() != null) {
            json.writeStringField("userId", event.userId());
        }
        json.writeObjectFieldStart("extensions");
        json.writeObjectFieldStart("actor");
        json.writeStringField("sub", event.userId() == null ? "system" : event.userId());
        json.writeStringField("subType", event.userId() == null ? "service" : "user");
        json.writeEndObject();
        json.writeEndObject();
        json.writeFieldName("data");
        json.writeTree(event.data());
        if (tenantUrl != null) {
            json.writeObjectFieldStart("links");
            json.writeObjectFieldStart("self");
            json.writeStringField("href", tenantUrl + "/api/v1/audits/" + event.auditId());
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    /** Something that writes JSON. */
    @FunctionalInterface
    private interface JsonWriting {
        void write(JsonGenerator json) throws IOException;
    }

    private static byte[] write(JsonWriting writing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator json = QlikJson.mapper().getFactory().createGenerator(out)) {
            writing.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
