package io.github.qlikevents.camel.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.OptBoolean;

/**
 * {@code com.qlik.core.role.synced} (and the deprecated {@code com.qlik.v1.role.synced}): role definitions were
 * synchronised across the platform.
 *
 * @param eventType the type name it was delivered under
 * @param roles     the synced roles
 */
public record RoleSynced(
        @JsonIgnore String eventType,
        @JsonProperty("roles") List<Role> roles)
        implements RoleEvent {

    /** An absent list is empty; the list is unmodifiable. Jackson: the type name comes from the type table. */
    @JsonCreator
    public RoleSynced(
            @JacksonInject(value = QlikEventType.TYPE_NAME, useInput = OptBoolean.FALSE) String eventType,
            @JsonProperty("roles") List<Role> roles) {
        roles = roles == null ? List.of() : List.copyOf(roles);
        this.eventType = eventType;
        this.roles = roles;
    }
}
