package io.github.qlikevents.camel.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.qlikevents.camel.decoding.DecodedEvent;
import io.github.qlikevents.camel.decoding.EventAttribute;
import io.github.qlikevents.camel.decoding.QlikEventDecoder;
import io.github.qlikevents.camel.decoding.QlikEventFormatException;
import io.github.qlikevents.camel.decoding.QlikJson;
import org.apache.camel.Message;

/**
 * CloudEvents HTTP binary mode: the attributes in {@code ce-*} headers and the data as the body. Turned into a
 * structured document and decoded like any other event.
 */
final class BinaryModeEvent {

    private static final String PREFIX = "ce-";

    private BinaryModeEvent() {
    }

    /** True when the request carries its attributes in headers (Camel's header names are case-insensitive). */
    static boolean applies(Message message) {
        return message.getHeader("ce-specversion") != null;
    }

    static DecodedEvent decode(Message message, byte[] data) throws IOException {
        JsonNode tree;
        try {
            tree = QlikJson.mapper().readTree(data);
        } catch (IOException e) {
            throw new QlikEventFormatException("the body of a binary-mode CloudEvent is not JSON",
                    header(message, "id"), header(message, "type"), "data", e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 512);
        try (JsonGenerator json = QlikJson.mapper().getFactory().createGenerator(out)) {
            json.writeStartObject();
            for (Map.Entry<String, Object> header : message.getHeaders().entrySet()) {
                String name = header.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith(PREFIX) && header.getValue() != null) {
                    json.writeStringField(name.substring(PREFIX.length()), header.getValue().toString());
                }
            }
            String contentType = message.getHeader("Content-Type", String.class);
            if (contentType != null) {
                json.writeStringField(EventAttribute.DATA_CONTENT_TYPE.cloudEventName(), contentType);
            }
            json.writeFieldName("data");
            json.writeTree(tree);
            json.writeEndObject();
        }
        return QlikEventDecoder.getDefault().decode(out.toByteArray());
    }

    private static String header(Message message, String attribute) {
        return message.getHeader(PREFIX + attribute, String.class);
    }
}
