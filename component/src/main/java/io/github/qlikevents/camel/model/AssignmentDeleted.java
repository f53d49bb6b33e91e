package io.github.qlikevents.camel.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code com.qlik.license.assignment.deleted}: a license assignment was deleted. */
public record AssignmentDeleted(
        @JsonProperty(value = "type", required = true) String type,
        @JsonProperty(value = "origin", required = true) String origin,
        @JsonProperty(value = "license", required = true) String license,
        @JsonProperty(value = "subject", required = true) String subject) implements AssignmentEvent {

    @Override
    public String eventType() {
        return QlikEventType.ASSIGNMENT_DELETED.typeName();
    }
}
