package io.github.qlikevents.camel.encoding;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.qlikevents.camel.decoding.EventAttribute;
import io.github.qlikevents.camel.decoding.EventAttributes;
import io.github.qlikevents.camel.decoding.QlikJson;
import io.github.qlikevents.camel.model.Channel;
import io.github.qlikevents.camel.model.QlikEvent;
import io.github.qlikevents.camel.model.QlikEventType;
import io.github.qlikevents.camel.model.UnknownEvent;
import org.apache.camel.Message;

/**
 * Writes a typed event and its headers as a CloudEvents 1.0 structured JSON document, with Qlik's own field names
 * (such as {@code _updates}) and every value JSON-escaped.
 */
public final class CloudEventJsonWriter {

    private static final EventAttribute[] ATTRIBUTES = EventAttribute.values();

    private static final String UPDATES = "_updates";
    private static final String LEGACY_UPDATES = "updates";
    private static final String PATH = "path";
    private static final String LEGACY_PATH = "property";

    private final ObjectMapper mapper = QlikJson.mapper();

    /**
     * Encodes the message's typed body with the attributes in its headers. A missing id falls back to the exchange
     * id, a missing type to the body's type, a missing source to the source of the type's channel.
     */
    public byte[] write(QlikEvent body, Message message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("specversion", EventAttributes.SPEC_VERSION);
            for (EventAttribute attribute : ATTRIBUTES) {
                String value = header(message, attribute.header(), fallback(attribute, body, message));
                if (value != null) {
                    json.writeStringField(attribute.cloudEventName(), value);
                }
            }
            json.writeFieldName("data");
            if (body instanceof UnknownEvent unknown) {
                mapper.writeTree(json, unknown.data());
            } else if (QlikEventType.forTypeName(body.eventType()).map(QlikEventType::legacyChangeList).orElse(false)) {
                mapper.writeTree(json, withLegacyChangeList(mapper.valueToTree(body)));
            } else {
                mapper.writeValue(json, body);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode event " + body.eventType() + " as a CloudEvent", e);
        }
        return out.toByteArray();
    }

    /** Qlik's legacy web integration change list: {@code updates} of {@code property}, not {@code _updates} of path. */
    private static JsonNode withLegacyChangeList(ObjectNode data) {
        if (data.remove(UPDATES) instanceof ArrayNode updates) {
            updates.forEach(update -> ((ObjectNode) update).set(LEGACY_PATH, ((ObjectNode) update).remove(PATH)));
            data.set(LEGACY_UPDATES, updates);
        }
        return data;
    }

    /** What the document says when the header is missing: only the attributes CloudEvents requires get one. */
    private static String fallback(EventAttribute attribute, QlikEvent body, Message message) {
        return switch (attribute) {
            case ID -> message.getExchange().getExchangeId();
            case SOURCE -> Channel.ofType(body.eventType()).map(Channel::source).orElse(null);
            case TYPE -> body.eventType();
            case DATA_CONTENT_TYPE -> EventAttributes.DEFAULT_DATA_CONTENT_TYPE;
            default -> null;
        };
    }

    private static String header(Message message, String name, String fallback) {
        String value = message.getHeader(name, String.class);
        return value != null ? value : fallback;
    }

}
