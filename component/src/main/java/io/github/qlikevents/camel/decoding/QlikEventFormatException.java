package io.github.qlikevents.camel.decoding;

import org.apache.camel.RuntimeCamelException;

/**
 * Raised when a document is not a valid Qlik license event: malformed JSON, no event, a missing or wrongly typed
 * field. The message names the event id and type when known and the offending field; it never quotes secrets or
 * {@code authclaims}.
 */
public class QlikEventFormatException extends RuntimeCamelException {

    private final String eventId;
    private final String eventType;
    private final String field;

    public QlikEventFormatException(String problem, String eventId, String eventType, String field, Throwable cause) {
        super(describe(problem, eventId, eventType, field), cause);
        this.eventId = eventId;
        this.eventType = eventType;
        this.field = field;
    }

    /** The event id, or {@code null} when the document did not get that far. */
    public String getEventId() {
        return eventId;
    }

    /** The event type, or {@code null} when unknown. */
    public String getEventType() {
        return eventType;
    }

    /** The offending field as a path such as {@code data.dataVolume.localVolume}, or {@code null}. */
    public String getField() {
        return field;
    }

    private static String describe(String problem, String eventId, String eventType, String field) {
        StringBuilder message = new StringBuilder("Invalid Qlik event");
        if (eventId != null || eventType != null) {
            message.append(" (id=").append(eventId == null ? "?" : eventId)
                    .append(", type=").append(eventType == null ? "?" : eventType).append(')');
        }
        message.append(": ");
        if (field != null) {
            message.append("field '").append(field).append("': ");
        }
        return message.append(problem).toString();
    }
}
