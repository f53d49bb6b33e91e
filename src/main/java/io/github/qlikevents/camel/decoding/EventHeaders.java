package io.github.qlikevents.camel.decoding;

import io.github.qlikevents.camel.model.LicenseEventType;
import org.apache.camel.Message;

import static io.github.qlikevents.camel.QlikLicenseEventsConstants.AUDIT_ID;
import static io.github.qlikevents.camel.QlikLicenseEventsConstants.AUTH_CLAIMS;
import static io.github.qlikevents.camel.QlikLicenseEventsConstants.AUTH_TYPE;
import static io.github.qlikevents.camel.QlikLicenseEventsConstants.EVENT_DATA_CONTENT_TYPE;
import static io.github.qlikevents.camel.QlikLicenseEventsConstants.EVENT_DATA_SCHEMA;
import static io.github.qlikevents.camel.QlikLicenseEventsConstants.EVENT_DEPRECATED;
import static io.github.qlikevents.camel.QlikLicenseEventsConstants.EVENT_ID;
import static io.github.qlikevents.camel.QlikLicenseEventsConstants.EVENT_SOURCE;
import static io.github.qlikevents.camel.QlikLicenseEventsConstants.EVENT_SUBJECT;
import static io.github.qlikevents.camel.QlikLicenseEventsConstants.EVENT_TIME;
import static io.github.qlikevents.camel.QlikLicenseEventsConstants.EVENT_TYPE;
import static io.github.qlikevents.camel.QlikLicenseEventsConstants.EVENT_VERSION;
import static io.github.qlikevents.camel.QlikLicenseEventsConstants.SESSION_ID;
import static io.github.qlikevents.camel.QlikLicenseEventsConstants.TENANT_ID;
import static io.github.qlikevents.camel.QlikLicenseEventsConstants.TRACEPARENT;
import static io.github.qlikevents.camel.QlikLicenseEventsConstants.TRACESTATE;
import static io.github.qlikevents.camel.QlikLicenseEventsConstants.USER_ID;

/** Puts a decoded event on a Camel message: the typed body and the attributes as headers. */
public final class EventHeaders {

    private EventHeaders() {
    }

    /** Sets the body and every present attribute as a header; absent attributes set no header. */
    public static void apply(DecodedEvent event, Message message) {
        EventAttributes attributes = event.attributes();
        message.setBody(event.body());
        set(message, EVENT_ID, attributes.id());
        set(message, EVENT_SOURCE, attributes.source());
        set(message, EVENT_TYPE, attributes.type());
        set(message, EVENT_TIME, attributes.time());
        message.setHeader(EVENT_VERSION, EventAttributes.SPEC_VERSION);
        set(message, EVENT_DATA_CONTENT_TYPE, attributes.dataContentType());
        set(message, EVENT_SUBJECT, attributes.subject());
        set(message, EVENT_DATA_SCHEMA, attributes.dataSchema());
        set(message, TENANT_ID, attributes.tenantId());
        set(message, USER_ID, attributes.userId());
        set(message, SESSION_ID, attributes.sessionId());
        set(message, AUTH_TYPE, attributes.authType());
        set(message, AUTH_CLAIMS, attributes.authClaims());
        set(message, TRACEPARENT, attributes.traceparent());
        set(message, TRACESTATE, attributes.tracestate());
        set(message, AUDIT_ID, attributes.auditId());
        message.setHeader(EVENT_DEPRECATED, LicenseEventType.forTypeName(attributes.type())
                .map(LicenseEventType::deprecated).orElse(false));
    }

    private static void set(Message message, String name, String value) {
        if (value != null) {
            message.setHeader(name, value);
        }
    }
}
