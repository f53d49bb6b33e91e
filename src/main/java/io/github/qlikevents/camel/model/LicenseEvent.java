package io.github.qlikevents.camel.model;

/**
 * The typed body of a Qlik Cloud license event: the event's {@code data} object. The CloudEvents attributes (id,
 * time, tenant ...) travel as Camel headers, see {@link io.github.qlikevents.camel.QlikLicenseEventsConstants}.
 */
public sealed interface LicenseEvent
        permits AssignmentEvent, LeaseEvent, DataVolumeConsumptionAggregated, DefinitionUpdated, TenantAssociated,
        LicensesPurged, UnknownLicenseEvent {

    /** The CloudEvents type of this event, e.g. {@code com.qlik.v1.license.lease.created}. */
    String eventType();
}
