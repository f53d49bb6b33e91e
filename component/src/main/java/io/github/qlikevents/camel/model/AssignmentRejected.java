package io.github.qlikevents.camel.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code com.qlik.license.assignment.rejected}: a license assignment was rejected; {@code message} says why. */
public record AssignmentRejected(
        @JsonProperty(value = "type", required = true) String type,
        @JsonProperty(value = "origin", required = true) String origin,
        @JsonProperty(value = "license", required = true) String license,
        @JsonProperty("message") String message,
        @JsonProperty(value = "subject", required = true) String subject) implements AssignmentEvent {

    @Override
    public String eventType() {
        return QlikEventType.ASSIGNMENT_REJECTED.typeName();
    }
}
