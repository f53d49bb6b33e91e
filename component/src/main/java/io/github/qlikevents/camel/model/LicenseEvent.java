package io.github.qlikevents.camel.model;

/** A license event: assignments, leases, license definitions, tenant association, data volume, purges. */
public sealed interface LicenseEvent extends QlikEvent
        permits AssignmentEvent, LeaseEvent, DataVolumeConsumptionAggregated, DefinitionUpdated, TenantAssociated,
        LicensesPurged {
}
