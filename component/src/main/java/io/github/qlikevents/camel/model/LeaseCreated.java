package io.github.qlikevents.camel.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code com.qlik.v1.license.lease.created}: a capacity lease was created. */
public record LeaseCreated(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "size", required = true) long size,
        @JsonProperty(value = "excess", required = true) boolean excess,
        @JsonProperty(value = "license", required = true) String license,
        @JsonProperty(value = "resource", required = true) String resource,
        @JsonProperty(value = "createdAt", required = true) Instant createdAt,
        @JsonProperty(value = "updatedAt", required = true) Instant updatedAt,
        @JsonProperty(value = "excessQuantity", required = true) long excessQuantity,
        @JsonProperty(value = "leasedQuantity", required = true) long leasedQuantity,
        @JsonProperty(value = "licenseQuantity", required = true) long licenseQuantity,
        @JsonProperty(value = "licenseUnlimited", required = true) boolean licenseUnlimited) implements LeaseEvent {

    @Override
    public String eventType() {
        return QlikEventType.LEASE_CREATED.typeName();
    }
}
