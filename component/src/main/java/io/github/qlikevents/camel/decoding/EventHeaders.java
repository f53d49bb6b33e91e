package io.github.qlikevents.camel.decoding;

import io.github.qlikevents.camel.QlikLicenseEventsConstants;
import io.github.qlikevents.camel.model.QlikEventType;
import org.apache.camel.Message;

/** Puts a decoded event on a Camel message: the typed body and the attributes as headers. */
public final class EventHeaders {

    private static final EventAttribute[] ATTRIBUTES = EventAttribute.values();

    private EventHeaders() {
    }

    /** Sets the body and every present attribute as a header; absent attributes set no header. */
    public static void apply(DecodedEvent event, Message message) {
        EventAttributes attributes = event.attributes();
        message.setBody(event.body());
        for (EventAttribute attribute : ATTRIBUTES) {
            set(message, attribute.header(), attributes.get(attribute));
        }
        message.setHeader(QlikLicenseEventsConstants.EVENT_VERSION, EventAttributes.SPEC_VERSION);
        set(message, QlikLicenseEventsConstants.AUDIT_ID, attributes.auditId());
        message.setHeader(QlikLicenseEventsConstants.EVENT_DEPRECATED, QlikEventType.forTypeName(attributes.type())
                .map(QlikEventType::deprecated).orElse(false));
    }

    private static void set(Message message, String name, String value) {
        if (value != null) {
            message.setHeader(name, value);
        }
    }
}
