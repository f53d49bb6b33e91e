package io.github.qlikevents.camel.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code com.qlik.license.definition.updated}: a license definition was updated. */
public record DefinitionUpdated(
        @JsonProperty(value = "license", required = true) String license,
        @JsonProperty("parentLicense") String parentLicense,
        @JsonProperty("capabilityBankId") String capabilityBankId) implements LicenseEvent {

    @Override
    public String eventType() {
        return QlikEventType.DEFINITION_UPDATED.typeName();
    }
}
