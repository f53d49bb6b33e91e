package io.github.qlikevents.camel.model;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An event whose type this version does not know (Qlik adds types), of any channel: delivered with its type name and
 * its raw {@code data} as a JSON tree, never dropped.
 */
public record UnknownEvent(String eventType, JsonNode data) implements QlikEvent {

    public UnknownEvent {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(data, "data");
    }
}
