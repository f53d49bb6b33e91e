package io.github.qlikevents.camel.model;

/**
 * The typed body of any Qlik Cloud system event: the event's {@code data} object. One sealed interface per domain
 * of Qlik's release note, and {@link UnknownEvent} for a type this version does not know. The CloudEvents attributes
 * (id, time, tenant ...) travel as Camel headers, see {@link io.github.qlikevents.camel.QlikLicenseEventsConstants}.
 */
public sealed interface QlikEvent
        permits LicenseEvent, AutomationEvent, RoleEvent, WebIntegrationEvent, IpPolicyEvent, UnknownEvent {

    /** The CloudEvents type of this event, e.g. {@code com.qlik.v1.license.lease.created}. */
    String eventType();
}
