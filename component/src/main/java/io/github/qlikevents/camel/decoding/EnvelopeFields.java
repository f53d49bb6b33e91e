package io.github.qlikevents.camel.decoding;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The envelope attributes read so far from one document, in any of Qlik's three envelopes: CloudEvents 1.0
 * ({@code specversion}), the Audits API item ({@code eventId}, {@code eventType}, {@code extensions}) and the
 * legacy or hybrid webhook body ({@code cloudEventsVersion} 0.1), by the names of {@link EventAttribute}.
 * {@link #resolve()} maps them to one set of attributes.
 */
final class EnvelopeFields {

    private static final int COUNT = EventAttribute.values().length;
    /** Top-level field names of the three envelopes, exact case; extension names in lower case. */
    private static final Map<String, Slot> TOP_LEVEL = new HashMap<>();
    /** Extension names in lower case, as matched inside {@code extensions} and case-insensitively at top level. */
    private static final Map<String, EventAttribute> EXTENSIONS = new HashMap<>();

    static {
        for (EventAttribute attribute : EventAttribute.values()) {
            TOP_LEVEL.put(attribute.cloudEventName(), new Slot(attribute, true));
            if (attribute.extension()) {
                EXTENSIONS.put(attribute.cloudEventName(), attribute);
            } else if (attribute.auditItemName() != null
                       && !attribute.auditItemName().equals(attribute.cloudEventName())) {
                TOP_LEVEL.put(attribute.auditItemName(), new Slot(attribute, false));
            }
        }
    }

    /** Where a field's value goes: the attribute, and whether the name is the CloudEvents (primary) one. */
    private record Slot(EventAttribute attribute, boolean primary) {
    }

    private String specVersion;
    private String legacyVersion;
    /** Values under the CloudEvents names (and extensions at top level). */
    private final String[] primary = new String[COUNT];
    /** Values under the audit item and legacy names (and extensions inside {@code extensions}). */
    private final String[] alternate = new String[COUNT];

    /** Reads one top-level attribute; false when the field is not an envelope attribute. */
    boolean readAttribute(String name, JsonParser parser) throws IOException {
        Slot slot = TOP_LEVEL.get(name);
        if (slot != null) {
            (slot.primary() ? primary : alternate)[slot.attribute().ordinal()] = value(slot.attribute(), name, parser);
            return true;
        }
        switch (name) {
            case "specversion" -> specVersion = scalar(parser, name);
            case "cloudEventsVersion" -> legacyVersion = scalar(parser, name);
            case "extensions" -> readExtensions(parser);
            default -> {
                EventAttribute extension = EXTENSIONS.get(name.toLowerCase(Locale.ROOT));
                if (extension == null) {
                    return false;
                }
                primary[extension.ordinal()] = value(extension, name, parser);
            }
        }
        return true;
    }

    private void readExtensions(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            EventAttribute extension = EXTENSIONS.get(name.toLowerCase(Locale.ROOT));
            if (extension == null) {
                parser.skipChildren();
            } else {
                alternate[extension.ordinal()] = value(extension, name, parser);
            }
        }
    }

    /** The event type, from whichever envelope field carried it; {@code null} while not seen. */
    String typeName() {
        return resolved(EventAttribute.TYPE);
    }

    /** The event id as far as known, for error messages. */
    String eventIdSoFar() {
        return resolved(EventAttribute.ID);
    }

    /** Maps the fields read to the attributes of the event. */
    EventAttributes resolve() {
        String[] values = new String[COUNT];
        for (EventAttribute attribute : EventAttribute.values()) {
            values[attribute.ordinal()] = resolved(attribute);
        }
        if (values[EventAttribute.DATA_CONTENT_TYPE.ordinal()] == null) {
            values[EventAttribute.DATA_CONTENT_TYPE.ordinal()] = EventAttributes.DEFAULT_DATA_CONTENT_TYPE;
        }
        boolean auditItem = !isCloudEvent() && legacyVersion == null;
        return new EventAttributes(values, auditItem ? primary[EventAttribute.ID.ordinal()] : null);
    }

    /**
     * The CloudEvents name wins over the other envelopes' name, but for the id of an Audits API item or legacy body,
     * whose {@code id} is the audit resource's id and {@code eventId} the event's.
     */
    private String resolved(EventAttribute attribute) {
        int index = attribute.ordinal();
        boolean alternateFirst = attribute == EventAttribute.ID && !isCloudEvent();
        String first = alternateFirst ? alternate[index] : primary[index];
        return first != null ? first : alternateFirst ? primary[index] : alternate[index];
    }

    /** The {@code specversion} of a CloudEvents document, or null. */
    String specVersion() {
        return specVersion;
    }

    /**
     * True for a CloudEvents document without {@code specversion}: its type came as {@code type}, and it has no
     * legacy {@code cloudEventsVersion}. Audit items carry {@code eventType} and no specversion, by design.
     */
    boolean lacksSpecVersion() {
        return specVersion == null && legacyVersion == null && primary[EventAttribute.TYPE.ordinal()] != null;
    }

    private boolean isCloudEvent() {
        return specVersion != null;
    }

    private static String value(EventAttribute attribute, String field, JsonParser parser) throws IOException {
        return attribute.acceptsJson() ? scalarOrJson(parser) : scalar(parser, field);
    }

    private static String scalar(JsonParser parser, String field) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!token.isScalarValue()) {
            throw new EnvelopeFieldException(field, "expected a string, found " + TokenNames.describe(token));
        }
        return parser.getText();
    }

    /** authclaims is a JSON string; an object is kept as its JSON text. */
    private static String scalarOrJson(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            return parser.readValueAsTree().toString();
        }
        return token == JsonToken.VALUE_NULL ? null : parser.getText();
    }

    /** An envelope attribute of the wrong JSON type. */
    static final class EnvelopeFieldException extends IOException {
        private final String field;

        EnvelopeFieldException(String field, String problem) {
            super(problem);
            this.field = field;
        }

        String field() {
            return field;
        }
    }
}
