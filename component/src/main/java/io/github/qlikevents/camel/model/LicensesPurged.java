package io.github.qlikevents.camel.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code com.qlik.v1.licenses.purged}: the tenant's license resources were purged. Qlik publishes no schema; this
 * follows Qlik's purge convention: sent once per tenant purge, and may repeat with {@code purgedCount} 0.
 */
public record LicensesPurged(
        @JsonProperty(value = "purgeId", required = true) String purgeId,
        @JsonProperty(value = "purgedCount", required = true) long purgedCount,
        @JsonProperty(value = "resourceType", required = true) String resourceType,
        @JsonProperty(value = "success", required = true) boolean success,
        @JsonProperty("errorMessage") String errorMessage) implements LicenseEvent {

    @Override
    public String eventType() {
        return QlikEventType.LICENSES_PURGED.typeName();
    }
}
