package io.github.qlikevents.camel.decoding;

/**
 * The CloudEvents attributes and Qlik extensions of one event, whichever envelope it came in. Absent ones are
 * {@code null}.
 *
 * @param id              the event id (CloudEvents {@code id}, Qlik's {@code eventId})
 * @param source          the event source
 * @param type            the event type name
 * @param time            when the event happened, the RFC 3339 text as sent
 * @param dataContentType the content type of {@code data}
 * @param subject         the CloudEvents subject
 * @param dataSchema      the CloudEvents dataschema
 * @param tenantId        Qlik tenant id
 * @param userId          Qlik user id
 * @param sessionId       Qlik session id
 * @param authType        the type of principal that triggered the event
 * @param authClaims      the claims of that principal, a JSON string
 * @param traceparent     W3C trace parent
 * @param tracestate      W3C trace state
 * @param auditId         the audit resource id (Audits API items only)
 */
public record EventAttributes(
        String id, String source, String type, String time, String dataContentType, String subject,
        String dataSchema, String tenantId, String userId, String sessionId, String authType, String authClaims,
        String traceparent, String tracestate, String auditId) {

    /** The CloudEvents spec version this component presents every event as. */
    public static final String SPEC_VERSION = "1.0";

    /** The data content type when the event does not say. */
    public static final String DEFAULT_DATA_CONTENT_TYPE = "application/json";

    /** Never prints the auth claims. */
    @Override
    public String toString() {
        return "EventAttributes[id=" + id + ", type=" + type + ", time=" + time + ", source=" + source
               + ", tenantId=" + tenantId + "]";
    }
}
