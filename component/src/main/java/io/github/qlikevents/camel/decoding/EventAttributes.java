package io.github.qlikevents.camel.decoding;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The attribute values of one event, whichever envelope it came in, by {@link EventAttribute}; absent ones are
 * {@code null}. Also the Audits API's own id of the item, for polled events.
 */
public final class EventAttributes {

    /** The CloudEvents spec version this component presents every event as. */
    public static final String SPEC_VERSION = "1.0";

    /** The data content type when the event does not say. */
    public static final String DEFAULT_DATA_CONTENT_TYPE = "application/json";

    private final String[] values;
    private final String auditId;

    /** @param values the values by {@link EventAttribute#ordinal()}; kept, not copied */
    EventAttributes(String[] values, String auditId) {
        this.values = values;
        this.auditId = auditId;
    }

    /** The value of {@code attribute}, or {@code null}. */
    public String get(EventAttribute attribute) {
        return values[attribute.ordinal()];
    }

    /** The event id (CloudEvents {@code id}, Qlik's {@code eventId}). */
    public String id() {
        return get(EventAttribute.ID);
    }

    /** The event type name. */
    public String type() {
        return get(EventAttribute.TYPE);
    }

    /** When the event happened, the RFC 3339 text as sent. */
    public String time() {
        return get(EventAttribute.TIME);
    }

    /** When the event happened, or {@code null} when it has no readable time. */
    public Instant instant() {
        String text = time();
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The Qlik tenant id. */
    public String tenantId() {
        return get(EventAttribute.TENANT_ID);
    }

    /** The audit resource id (Audits API items only). */
    public String auditId() {
        return auditId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventAttributes that && Arrays.equals(values, that.values)
               && Objects.equals(auditId, that.auditId);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + Objects.hashCode(auditId);
    }

    /** Never prints the auth claims. */
    @Override
    public String toString() {
        return "EventAttributes[id=" + id() + ", type=" + type() + ", time=" + time() + ", source="
               + get(EventAttribute.SOURCE) + ", tenantId=" + tenantId() + "]";
    }
}
