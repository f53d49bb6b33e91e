package io.github.qlikevents.camel.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.OptBoolean;

/**
 * {@code com.qlik.core.role.updated} (and the deprecated {@code com.qlik.v1.role.updated}): an admin updated a role;
 * the data is the role as it is now, plus {@link #updates()} (Qlik's {@code _updates}).
 *
 * @param eventType the type name it was delivered under
 * @param role      the role after the change
 * @param updates   what changed; values of any JSON type
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoleUpdated(
        @JsonIgnore @JacksonInject(value = QlikEventType.TYPE_NAME, useInput = OptBoolean.FALSE) String eventType,
        @JsonUnwrapped Role role,
        @JsonProperty("_updates") List<PropertyUpdate> updates) implements RoleEvent {

    /** An absent {@code _updates} is an empty list; the list is unmodifiable. */
    public RoleUpdated {
        updates = updates == null ? List.of() : List.copyOf(updates);
    }
}
