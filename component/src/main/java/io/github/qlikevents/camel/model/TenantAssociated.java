package io.github.qlikevents.camel.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code com.qlik.v1.license.tenant.associated}: the tenant was associated to a license. */
public record TenantAssociated(
        @JsonProperty(value = "license", required = true) String license,
        @JsonProperty(value = "parentLicense", required = true) String parentLicense,
        @JsonProperty("previousLicense") String previousLicense,
        @JsonProperty("capabilityBankId") String capabilityBankId,
        @JsonProperty("previousParentLicense") String previousParentLicense) implements LicenseEvent {

    @Override
    public String eventType() {
        return QlikEventType.TENANT_ASSOCIATED.typeName();
    }
}
