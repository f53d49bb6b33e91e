package io.github.qlikevents.camel.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code com.qlik.license.assignment.updated}: a license assignment was updated. */
public record AssignmentUpdated(
        @JsonProperty(value = "type", required = true) String type,
        @JsonProperty(value = "origin", required = true) String origin,
        @JsonProperty(value = "license", required = true) String license,
        @JsonProperty(value = "subject", required = true) String subject) implements AssignmentEvent {

    @Override
    public String eventType() {
        return QlikEventType.ASSIGNMENT_UPDATED.typeName();
    }
}
