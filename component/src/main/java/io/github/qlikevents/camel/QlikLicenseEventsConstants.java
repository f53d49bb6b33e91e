package io.github.qlikevents.camel;

import org.apache.camel.cloudevents.CloudEvent;
import org.apache.camel.spi.Metadata;

/** The headers every decoded license event carries: CloudEvents attributes under Camel's names, then Qlik's own. */
public final class QlikLicenseEventsConstants {

    @Metadata(description = "The CloudEvents id of the event (Qlik's eventId). Use it for idempotent consumers.",
              javaType = "String")
    public static final String EVENT_ID = CloudEvent.CAMEL_CLOUD_EVENT_ID;
    @Metadata(description = "The CloudEvents source, e.g. com.qlik/licenses.", javaType = "String")
    public static final String EVENT_SOURCE = CloudEvent.CAMEL_CLOUD_EVENT_SOURCE;
    @Metadata(description = "The CloudEvents type, e.g. com.qlik.v1.license.lease.created.", javaType = "String")
    public static final String EVENT_TYPE = CloudEvent.CAMEL_CLOUD_EVENT_TYPE;
    @Metadata(description = "The CloudEvents time: when the event happened, as the RFC 3339 text Qlik sent.",
              javaType = "String")
    public static final String EVENT_TIME = CloudEvent.CAMEL_CLOUD_EVENT_TIME;
    @Metadata(description = "The CloudEvents spec version; always 1.0, whichever envelope the event came in.",
              javaType = "String")
    public static final String EVENT_VERSION = CloudEvent.CAMEL_CLOUD_EVENT_VERSION;
    @Metadata(description = "The content type of the event data; application/json unless Qlik says otherwise.",
              javaType = "String")
    public static final String EVENT_DATA_CONTENT_TYPE = CloudEvent.CAMEL_CLOUD_EVENT_DATA_CONTENT_TYPE;
    @Metadata(description = "The CloudEvents subject, when the event has one.", javaType = "String")
    public static final String EVENT_SUBJECT = CloudEvent.CAMEL_CLOUD_EVENT_SUBJECT;
    @Metadata(description = "The CloudEvents dataschema, when the event has one.", javaType = "String")
    public static final String EVENT_DATA_SCHEMA = CloudEvent.CAMEL_CLOUD_EVENT_SCHEMA_URL;

    @Metadata(description = "The Qlik tenant the event belongs to (extension tenantid).", javaType = "String")
    public static final String TENANT_ID = "CamelQlikTenantId";
    @Metadata(description = "The Qlik user related to the event (extension userid).", javaType = "String")
    public static final String USER_ID = "CamelQlikUserId";
    @Metadata(description = "The Qlik session related to the event (extension sessionid).", javaType = "String")
    public static final String SESSION_ID = "CamelQlikSessionId";
    @Metadata(description = "The type of principal that triggered the event (extension authtype).", javaType = "String")
    public static final String AUTH_TYPE = "CamelQlikAuthType";
    @Metadata(description = "The claims of the principal that triggered the event, a JSON string (extension authclaims)."
                            + " The component never logs it.",
              javaType = "String")
    public static final String AUTH_CLAIMS = "CamelQlikAuthClaims";
    @Metadata(description = "The owner of the resource the event is about (extension ownerid; automations, roles, "
                            + "web integrations and IP policies).",
              javaType = "String")
    public static final String OWNER_ID = "CamelQlikOwnerId";
    @Metadata(description = "The space of the resource the event is about (extension spaceid), when it has one.",
              javaType = "String")
    public static final String SPACE_ID = "CamelQlikSpaceId";
    @Metadata(description = "The top-level resource the event's resource belongs to (extension toplevelresourceid).",
              javaType = "String")
    public static final String TOP_LEVEL_RESOURCE_ID = "CamelQlikTopLevelResourceId";
    @Metadata(description = "The id of the audit resource the event was read from (polled events only).",
              javaType = "String")
    public static final String AUDIT_ID = "CamelQlikAuditId";
    @Metadata(description = "True when Qlik has deprecated or replaced the event type "
                            + "(com.qlik.license.data.volume.consumption.aggregated, the com.qlik.v1.role and the legacy"
                            + " com.qlik.web-integration events); false otherwise.",
              javaType = "Boolean")
    public static final String EVENT_DEPRECATED = "CamelQlikEventDeprecated";
    @Metadata(description = "True on an event backfilled from Qlik's audit archive (older than the Audits API list"
                            + " keeps); absent on events from the list and from webhooks.",
              javaType = "Boolean")
    public static final String ARCHIVED = "CamelQlikArchived";
    @Metadata(description = "True on an event a hybrid endpoint (webhook mode with reconcile=true) delivered from its"
                            + " Audits API sweep because no webhook brought it; absent on events from webhooks.",
              javaType = "Boolean")
    public static final String RECONCILED = "CamelQlikReconciled";
    @Metadata(description = "W3C trace context of the event (version, trace id, span id, options), for Camel tracing.",
              javaType = "String")
    public static final String TRACEPARENT = "traceparent";
    @Metadata(description = "W3C trace state of the event: vendor key-value pairs.", javaType = "String")
    public static final String TRACESTATE = "tracestate";

    private QlikLicenseEventsConstants() {
    }
}
