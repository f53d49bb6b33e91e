package io.github.qlikevents.camel.model;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.OptBoolean;

/**
 * {@code com.qlik.core.role.deleted} (and the deprecated {@code com.qlik.v1.role.deleted}): a role was deleted; the data
 * is the role.
 *
 * @param eventType the type name it was delivered under
 * @param role      the role
 */
public record RoleDeleted(String eventType, @JsonValue Role role) implements RoleEvent {

    /** Jackson: the data is the role; the type name comes from the type table. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public RoleDeleted(@JacksonInject(value = QlikEventType.TYPE_NAME, useInput = OptBoolean.FALSE) String eventType,
                       Role role) {
        this.eventType = eventType;
        this.role = role;
    }
}
