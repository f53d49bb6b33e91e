package io.github.qlikevents.camel.decoding;

import io.github.qlikevents.camel.QlikLicenseEventsConstants;

/**
 * The CloudEvents attributes and Qlik extension attributes of an event, one row each: its Camel header, its name in
 * a CloudEvents 1.0 document, and its name in an Audits API item or legacy webhook body (for an extension: inside
 * {@code extensions}). Decoding, the headers, the CloudEvents writer and binary mode all loop over this table, so an
 * attribute Qlik adds is one row here (and its header constant). The standard rows follow camel-cloudevents'
 * {@code CloudEventAttributes}.
 */
public enum EventAttribute {

    ID(QlikLicenseEventsConstants.EVENT_ID, "id", "eventId"),
    SOURCE(QlikLicenseEventsConstants.EVENT_SOURCE, "source", "source"),
    TYPE(QlikLicenseEventsConstants.EVENT_TYPE, "type", "eventType"),
    TIME(QlikLicenseEventsConstants.EVENT_TIME, "time", "eventTime"),
    DATA_CONTENT_TYPE(QlikLicenseEventsConstants.EVENT_DATA_CONTENT_TYPE, "datacontenttype", "contentType"),
    SUBJECT(QlikLicenseEventsConstants.EVENT_SUBJECT, "subject", null),
    DATA_SCHEMA(QlikLicenseEventsConstants.EVENT_DATA_SCHEMA, "dataschema", null),
    TENANT_ID(QlikLicenseEventsConstants.TENANT_ID, "tenantid"),
    USER_ID(QlikLicenseEventsConstants.USER_ID, "userid"),
    SESSION_ID(QlikLicenseEventsConstants.SESSION_ID, "sessionid"),
    AUTH_TYPE(QlikLicenseEventsConstants.AUTH_TYPE, "authtype"),
    /** A JSON string; an object or array is kept as its JSON text. */
    AUTH_CLAIMS(QlikLicenseEventsConstants.AUTH_CLAIMS, "authclaims"),
    TRACEPARENT(QlikLicenseEventsConstants.TRACEPARENT, "traceparent"),
    TRACESTATE(QlikLicenseEventsConstants.TRACESTATE, "tracestate"),
    OWNER_ID(QlikLicenseEventsConstants.OWNER_ID, "ownerid"),
    SPACE_ID(QlikLicenseEventsConstants.SPACE_ID, "spaceid"),
    TOP_LEVEL_RESOURCE_ID(QlikLicenseEventsConstants.TOP_LEVEL_RESOURCE_ID, "toplevelresourceid");

    private final String header;
    private final String cloudEventName;
    private final String auditItemName;
    private final boolean extension;

    /** A CloudEvents context attribute, named {@code auditItemName} (or not present) in the other envelopes. */
    EventAttribute(String header, String cloudEventName, String auditItemName) {
        this(header, cloudEventName, auditItemName, false);
    }

    /** A Qlik extension attribute: top level in a CloudEvent, inside {@code extensions} in the other envelopes. */
    EventAttribute(String header, String name) {
        this(header, name, name, true);
    }

    EventAttribute(String header, String cloudEventName, String auditItemName, boolean extension) {
        this.header = header;
        this.cloudEventName = cloudEventName;
        this.auditItemName = auditItemName;
        this.extension = extension;
    }

    /** The Camel header the attribute is delivered in. */
    public String header() {
        return header;
    }

    /** The attribute's name in a CloudEvents document (lower case, as CloudEvents requires). */
    public String cloudEventName() {
        return cloudEventName;
    }

    /** Its name in an Audits API item or legacy webhook body; {@code null} when those envelopes lack it. */
    public String auditItemName() {
        return auditItemName;
    }

    /** True for Qlik's extension attributes, which sit in {@code extensions} outside CloudEvents documents. */
    public boolean extension() {
        return extension;
    }

    /** True when the value may be a JSON object (kept as its JSON text) rather than a string. */
    boolean acceptsJson() {
        return this == AUTH_CLAIMS;
    }
}
