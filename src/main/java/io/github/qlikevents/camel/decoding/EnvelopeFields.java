package io.github.qlikevents.camel.decoding;

import java.io.IOException;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The envelope attributes read so far from one document, in any of Qlik's three envelopes: CloudEvents 1.0
 * ({@code specversion}), the Audits API item ({@code eventId}, {@code eventType}, {@code extensions}) and the
 * legacy or hybrid webhook body ({@code cloudEventsVersion} 0.1). {@link #resolve()} maps them to one set of
 * attributes.
 */
final class EnvelopeFields {

    private String specVersion;
    private String legacyVersion;
    private String id;
    private String eventId;
    private String type;
    private String eventType;
    private String time;
    private String eventTime;
    private String source;
    private String dataContentType;
    private String contentType;
    private String subject;
    private String dataSchema;
    private final Extensions topLevel = new Extensions();
    private final Extensions nested = new Extensions();

    /** Qlik's extension attributes, found at the top level (CloudEvents) or inside {@code extensions}. */
    private static final class Extensions {
        String tenantId;
        String userId;
        String sessionId;
        String authType;
        String authClaims;
        String traceparent;
        String tracestate;

        /** Reads the value for a lower-case extension name; false when the name is not an extension. */
        boolean read(String lowerCaseName, JsonParser parser) throws IOException {
            switch (lowerCaseName) {
                case "tenantid" -> tenantId = scalar(parser, lowerCaseName);
                case "userid" -> userId = scalar(parser, lowerCaseName);
                case "sessionid" -> sessionId = scalar(parser, lowerCaseName);
                case "authtype" -> authType = scalar(parser, lowerCaseName);
                case "authclaims" -> authClaims = scalarOrJson(parser);
                case "traceparent" -> traceparent = scalar(parser, lowerCaseName);
                case "tracestate" -> tracestate = scalar(parser, lowerCaseName);
                default -> {
                    return false;
                }
            }
            return true;
        }
    }

    /** Reads one top-level attribute; false when the field is not an envelope attribute. */
    boolean readAttribute(String name, JsonParser parser) throws IOException {
        switch (name) {
            case "specversion" -> specVersion = scalar(parser, name);
            case "cloudEventsVersion" -> legacyVersion = scalar(parser, name);
            case "id" -> id = scalar(parser, name);
            case "eventId" -> eventId = scalar(parser, name);
            case "type" -> type = scalar(parser, name);
            case "eventType" -> eventType = scalar(parser, name);
            case "time" -> time = scalar(parser, name);
            case "eventTime" -> eventTime = scalar(parser, name);
            case "source" -> source = scalar(parser, name);
            case "datacontenttype" -> dataContentType = scalar(parser, name);
            case "contentType" -> contentType = scalar(parser, name);
            case "subject" -> subject = scalar(parser, name);
            case "dataschema" -> dataSchema = scalar(parser, name);
            case "extensions" -> readExtensions(parser);
            default -> {
                return topLevel.read(name.toLowerCase(Locale.ROOT), parser);
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
            if (!nested.read(name.toLowerCase(Locale.ROOT), parser)) {
                parser.skipChildren();
            }
        }
    }

    /** The event type, from whichever envelope field carried it; {@code null} while not seen. */
    String typeName() {
        return type != null ? type : eventType;
    }

    /** The event id as far as known, for error messages. */
    String eventIdSoFar() {
        return isCloudEvent() ? first(id, eventId) : first(eventId, id);
    }

    /** Maps the fields read to the attributes of the event. */
    EventAttributes resolve() {
        boolean auditItem = !isCloudEvent() && legacyVersion == null;
        return new EventAttributes(
                eventIdSoFar(),
                source,
                typeName(),
                first(time, eventTime),
                first(dataContentType, contentType, EventAttributes.DEFAULT_DATA_CONTENT_TYPE),
                subject,
                dataSchema,
                first(topLevel.tenantId, nested.tenantId),
                first(topLevel.userId, nested.userId),
                first(topLevel.sessionId, nested.sessionId),
                first(topLevel.authType, nested.authType),
                first(topLevel.authClaims, nested.authClaims),
                first(topLevel.traceparent, nested.traceparent),
                first(topLevel.tracestate, nested.tracestate),
                auditItem ? id : null);
    }

    private boolean isCloudEvent() {
        return specVersion != null;
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

    @SafeVarargs
    private static <T> T first(T... candidates) {
        for (T candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
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
