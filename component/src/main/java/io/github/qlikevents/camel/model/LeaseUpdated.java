package io.github.qlikevents.camel.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code com.qlik.v1.license.lease.updated}: a capacity lease was updated; {@link #updates()} lists what changed
 * (Qlik's {@code _updates}).
 */
public record LeaseUpdated(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "size", required = true) long size,
        @JsonProperty(value = "excess", required = true) boolean excess,
        @JsonProperty(value = "license", required = true) String license,
        @JsonProperty("_updates") List<PropertyUpdate> updates,
        @JsonProperty(value = "resource", required = true) String resource,
        @JsonProperty(value = "createdAt", required = true) Instant createdAt,
        @JsonProperty(value = "updatedAt", required = true) Instant updatedAt,
        @JsonProperty(value = "excessQuantity", required = true) long excessQuantity,
        @JsonProperty(value = "leasedQuantity", required = true) long leasedQuantity,
        @JsonProperty(value = "licenseQuantity", required = true) long licenseQuantity,
        @JsonProperty(value = "licenseUnlimited", required = true) boolean licenseUnlimited) implements LeaseEvent {

    /** An absent {@code _updates} is an empty list; the list is unmodifiable. */
    public LeaseUpdated {
        updates = updates == null ? List.of() : List.copyOf(updates);
    }

    @Override
    public String eventType() {
        return QlikEventType.LEASE_UPDATED.typeName();
    }
}
