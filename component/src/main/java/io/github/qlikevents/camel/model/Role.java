package io.github.qlikevents.camel.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A role as role events carry it (permission lists are left out by Qlik).
 *
 * @param id                  the role id
 * @param name                the role name
 * @param type                {@code default} or {@code custom}
 * @param level               {@code admin} or {@code user}
 * @param canEdit             whether users may edit it
 * @param fullUser            legacy events only, deprecated by Qlik: see {@link #userEntitlementType()}
 * @param tenantId            the tenant owning the role
 * @param canDelete           whether users may delete it
 * @param createdAt           when it was created
 * @param createdBy           who created it
 * @param updatedBy           who last updated it
 * @param description         free text
 * @param lastUpdatedAt       when it was last updated
 * @param assignedScopes      the scopes added to the role
 * @param userEntitlementType whether the role promotes a basic user to a full user, e.g. {@code fullUser}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Role(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty("type") String type,
        @JsonProperty(value = "level", required = true) String level,
        @JsonProperty("canEdit") Boolean canEdit,
        @JsonProperty("fullUser") Boolean fullUser,
        @JsonProperty(value = "tenantId", required = true) String tenantId,
        @JsonProperty("canDelete") Boolean canDelete,
        @JsonProperty("createdAt") Instant createdAt,
        @JsonProperty("createdBy") String createdBy,
        @JsonProperty("updatedBy") String updatedBy,
        @JsonProperty("description") String description,
        @JsonProperty(value = "lastUpdatedAt", required = true) Instant lastUpdatedAt,
        @JsonProperty("assignedScopes") List<String> assignedScopes,
        @JsonProperty("userEntitlementType") String userEntitlementType) {

    /** An absent list is empty; the list is unmodifiable. */
    public Role {
        assignedScopes = assignedScopes == null ? List.of() : List.copyOf(assignedScopes);
    }
}
