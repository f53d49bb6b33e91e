package io.github.qlikevents.camel.encoding;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.qlikevents.camel.QlikLicenseEventsConstants;
import io.github.qlikevents.camel.decoding.EventAttributes;
import io.github.qlikevents.camel.decoding.QlikJson;
import io.github.qlikevents.camel.model.LicenseEvent;
import io.github.qlikevents.camel.model.LicenseEventType;
import io.github.qlikevents.camel.model.UnknownLicenseEvent;
import org.apache.camel.Message;

/**
 * Writes a typed event and its headers as a CloudEvents 1.0 structured JSON document, with Qlik's own field names
 * (such as {@code _updates}) and every value JSON-escaped.
 */
public final class CloudEventJsonWriter {

    private final ObjectMapper mapper = QlikJson.mapper();

    /**
     * Encodes the message's typed body with the attributes in its headers. A missing id falls back to the exchange
     * id, a missing type to the body's type, a missing source to {@value LicenseEventType#SOURCE}.
     */
    public byte[] write(LicenseEvent body, Message message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("specversion", EventAttributes.SPEC_VERSION);
            json.writeStringField("id", header(message, QlikLicenseEventsConstants.EVENT_ID,
                    message.getExchange().getExchangeId()));
            json.writeStringField("source", header(message, QlikLicenseEventsConstants.EVENT_SOURCE,
                    LicenseEventType.SOURCE));
            json.writeStringField("type", header(message, QlikLicenseEventsConstants.EVENT_TYPE, body.eventType()));
            optional(json, "time", message, QlikLicenseEventsConstants.EVENT_TIME);
            json.writeStringField("datacontenttype", header(message,
                    QlikLicenseEventsConstants.EVENT_DATA_CONTENT_TYPE, EventAttributes.DEFAULT_DATA_CONTENT_TYPE));
            optional(json, "subject", message, QlikLicenseEventsConstants.EVENT_SUBJECT);
            optional(json, "dataschema", message, QlikLicenseEventsConstants.EVENT_DATA_SCHEMA);
            optional(json, "tenantid", message, QlikLicenseEventsConstants.TENANT_ID);
            optional(json, "userid", message, QlikLicenseEventsConstants.USER_ID);
            optional(json, "sessionid", message, QlikLicenseEventsConstants.SESSION_ID);
            optional(json, "authtype", message, QlikLicenseEventsConstants.AUTH_TYPE);
            optional(json, "authclaims", message, QlikLicenseEventsConstants.AUTH_CLAIMS);
            optional(json, "traceparent", message, QlikLicenseEventsConstants.TRACEPARENT);
            optional(json, "tracestate", message, QlikLicenseEventsConstants.TRACESTATE);
            json.writeFieldName("data");
            mapper.writeValue(json, body instanceof UnknownLicenseEvent unknown ? unknown.data() : body);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode event " + body.eventType() + " as a CloudEvent", e);
        }
        return out.toByteArray();
    }

    private static String header(Message message, String name, String fallback) {
        String value = message.getHeader(name, String.class);
        return value != null ? value : fallback;
    }

    private static void optional(JsonGenerator json, String attribute, Message message, String header)
            throws IOException {
        String value = message.getHeader(header, String.class);
        if (value != null) {
            json.writeStringField(attribute, value);
        }
    }
}
