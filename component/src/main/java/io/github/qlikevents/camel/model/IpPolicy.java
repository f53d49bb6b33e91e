package io.github.qlikevents.camel.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An IP policy: which addresses may reach the tenant.
 *
 * @param id         the policy id
 * @param name       its descriptive name
 * @param enabled    whether it is on
 * @param editable   whether it may be updated
 * @param tenantId   the tenant owning it
 * @param createdAt  when it was created
 * @param createdBy  who created it
 * @param deletable  whether it may be deleted
 * @param updatedAt  when it was last updated
 * @param updatedBy  who last updated it
 * @param allowedIps IP addresses or CIDR ranges, IPv4 or IPv6
 * @param toggleable whether it may be switched on and off
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IpPolicy(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty("name") String name,
        @JsonProperty("enabled") Boolean enabled,
        @JsonProperty("editable") Boolean editable,
        @JsonProperty(value = "tenantId", required = true) String tenantId,
        @JsonProperty("createdAt") Instant createdAt,
        @JsonProperty("createdBy") String createdBy,
        @JsonProperty("deletable") Boolean deletable,
        @JsonProperty("updatedAt") Instant updatedAt,
        @JsonProperty("updatedBy") String updatedBy,
        @JsonProperty("allowedIps") List<String> allowedIps,
        @JsonProperty("toggleable") Boolean toggleable) {

    /** An absent list is empty; the list is unmodifiable. */
    public IpPolicy {
        allowedIps = allowedIps == null ? List.of() : List.copyOf(allowedIps);
    }
}
