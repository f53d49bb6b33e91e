package io.github.qlikevents.camel.decoding;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.github.qlikevents.camel.model.Channel;
import io.github.qlikevents.camel.model.QlikEvent;
import io.github.qlikevents.camel.model.QlikEventType;
import io.github.qlikevents.camel.model.UnknownEvent;

/**
 * Decodes one Qlik event document, in any of the three envelopes, into its typed body and attributes, in a single
 * streaming pass. Thread-safe; share one instance.
 */
public final class QlikEventDecoder {

    private static final QlikEventDecoder DEFAULT = new QlikEventDecoder();
    private static final String MISSING_PROPERTY = "Missing required creator property";
    private static final String SPEC_VERSION_1 = "1.";
    private static final EventAttribute[] STRICT_ATTRIBUTES = { EventAttribute.ID, EventAttribute.SOURCE };

    private final ObjectMapper mapper = QlikJson.mapper();
    private final Map<QlikEventType, ObjectReader> readers = new EnumMap<>(QlikEventType.class);

    public QlikEventDecoder() {
        for (QlikEventType type : QlikEventType.values()) {
            readers.put(type, mapper.readerFor(type.bodyClass())
                    .with(new InjectableValues.Std().addValue(QlikEventType.TYPE_NAME, type.typeName())));
        }
    }

    /** The shared instance. */
    public static QlikEventDecoder getDefault() {
        return DEFAULT;
    }

    /** Decodes a whole document. */
    public DecodedEvent decode(byte[] json) {
        try (JsonParser parser = mapper.getFactory().createParser(json)) {
            DecodedEvent event = decode(parser, parser.nextToken());
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new QlikEventFormatException("unexpected content after the event document",
                        event.attributes().id(), event.attributes().type(), null, null);
            }
            return event;
        } catch (JsonProcessingException e) {
            throw malformed(e, null);
        } catch (IOException e) {
            throw new QlikEventFormatException("cannot read the document: " + e.getMessage(), null, null, null, e);
        }
    }

    /**
     * Decodes the event object at the parser's current token and leaves the parser on that object's END_OBJECT, so a
     * caller streaming a page of events can go on with the next one even when this one is invalid.
     *
     * @param  parser                   the parser
     * @param  token                    the parser's current token, which must be START_OBJECT
     * @throws QlikEventFormatException when the document is not a valid event
     * @throws IOException              when the underlying input fails
     */
    public DecodedEvent decode(JsonParser parser, JsonToken token) throws IOException {
        if (token != JsonToken.START_OBJECT) {
            throw new QlikEventFormatException("expected a JSON object, found " + TokenNames.describe(token),
                    null, null, null, null);
        }
        EnvelopeFields fields = new EnvelopeFields();
        Body body = new Body();
        JsonStreamContext envelope = parser.getParsingContext();
        try {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if ("data".equals(name)) {
                    readData(parser, envelope, fields, body);
                } else if (!fields.readAttribute(name, parser)) {
                    parser.skipChildren();
                }
            }
        } catch (EnvelopeFields.EnvelopeFieldException e) {
            throw new QlikEventFormatException(e.getMessage(), fields.eventIdSoFar(), fields.typeName(), e.field(), null);
        } catch (JsonProcessingException e) {
            throw malformed(e, fields);
        }
        return finish(fields, body);
    }

    /** What was found of {@code data}: the bound body, a buffer awaiting the type, or the binding failure. */
    private static final class Body {
        QlikEvent value;
        TokenBuffer pending;
        JsonMappingException failure;
        String problem;
    }

    private void readData(JsonParser parser, JsonStreamContext envelope, EnvelopeFields fields, Body body)
            throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        String typeName = fields.typeName();
        if (typeName == null) {
            // type comes after data in this document: keep the tokens until we know it
            body.pending = TokenBuffer.asCopyOfValue(parser);
        } else {
            bind(typeName, parser, envelope, body);
        }
    }

    private void bind(String typeName, JsonParser parser, JsonStreamContext envelope, Body body) throws IOException {
        QlikEventType type = QlikEventType.forTypeName(typeName).orElse(null);
        if (type == null) {
            body.value = new UnknownEvent(typeName, mapper.readTree(parser));
            return;
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            body.problem = "expected a JSON object, found " + TokenNames.describe(parser.currentToken());
            parser.skipChildren();
            return;
        }
        try {
            body.value = readers.get(type).readValue(parser);
        } catch (JsonMappingException e) {
            body.failure = e;
            // skip the rest of data, so the envelope (and the event id after it) can still be read
            while (parser.getParsingContext() != envelope && parser.nextToken() != null) {
                // skipping
            }
        }
    }

    private DecodedEvent finish(EnvelopeFields fields, Body body) throws IOException {
        String typeName = fields.typeName();
        String id = fields.eventIdSoFar();
        if (typeName == null) {
            throw new QlikEventFormatException("not a Qlik event: it has no 'type' (or 'eventType')", id, null,
                    EventAttribute.TYPE.cloudEventName(), null);
        }
        if (body.pending != null) {
            try (JsonParser buffered = body.pending.asParser(mapper)) {
                buffered.nextToken();
                bind(typeName, buffered, buffered.getParsingContext(), body);
            }
        }
        if (body.failure != null) {
            throw new QlikEventFormatException(problemOf(body.failure), id, typeName, fieldOf(body.failure),
                    body.failure);
        }
        if (body.problem != null) {
            throw new QlikEventFormatException(body.problem, id, typeName, "data", null);
        }
        QlikEventType known = QlikEventType.forTypeName(typeName).orElse(null);
        if (body.value == null && known == null) {
            body.value = new UnknownEvent(typeName, NullNode.getInstance());
        }
        if (body.value == null) {
            throw new QlikEventFormatException("the event has no 'data'", id, typeName, "data", null);
        }
        EventAttributes attributes = fields.resolve();
        String missing = missingAttribute(known, typeName, fields, attributes);
        if (missing != null) {
            throw new QlikEventFormatException("required attribute is missing", id, typeName, missing, null);
        }
        String specVersion = fields.specVersion();
        if (specVersion != null && !specVersion.startsWith(SPEC_VERSION_1)) {
            throw new QlikEventFormatException("unsupported specversion '" + specVersion + "': expected 1.x", id,
                    typeName, "specversion", null);
        }
        return new DecodedEvent(body.value, attributes);
    }

    /**
     * The first attribute Qlik requires that the event lacks, by its CloudEvents name, or null. Every channel but
     * licenses requires id, source, specversion (of a CloudEvents document: the other envelopes have none), type and
     * tenantid; licenses only type, and tenantid for some types. {@code known} is the type's row, or null.
     */
    private static String missingAttribute(QlikEventType known, String typeName, EnvelopeFields fields,
                                           EventAttributes attributes) {
        Channel channel = known != null ? known.channel() : Channel.ofType(typeName).orElse(null);
        boolean strict = channel != null && channel.strictEnvelope();
        if (strict) {
            for (EventAttribute attribute : STRICT_ATTRIBUTES) {
                if (attributes.get(attribute) == null) {
                    return attribute.cloudEventName();
                }
            }
            if (fields.lacksSpecVersion()) {
                return "specversion";
            }
        }
        boolean tenantRequired = strict || known != null && known.tenantIdRequired();
        return tenantRequired && attributes.tenantId() == null ? EventAttribute.TENANT_ID.cloudEventName() : null;
    }

    private static QlikEventFormatException malformed(JsonProcessingException e, EnvelopeFields fields) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return new QlikEventFormatException("malformed JSON" + where + ": " + firstLine(e.getOriginalMessage()),
                fields == null ? null : fields.eventIdSoFar(), fields == null ? null : fields.typeName(), null, e);
    }

    private static String fieldOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder("data");
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String problemOf(JsonMappingException e) {
        if (e.getOriginalMessage().startsWith(MISSING_PROPERTY)) {
            return "required field is missing";
        }
        return "wrong JSON type or value: " + firstLine(e.getOriginalMessage());
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
