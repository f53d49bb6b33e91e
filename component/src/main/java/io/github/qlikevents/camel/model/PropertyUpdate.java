package io.github.qlikevents.camel.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * One entry of Qlik's {@code _updates} (or of the legacy web integration {@code updates}, whose {@code property} is
 * read as the path): the property at {@code path} changed from {@code oldValue} to {@code newValue}. The values keep their JSON type (number, string, boolean, object, array or null); a value Qlik
 * leaves out is reported as JSON null.
 */
public record PropertyUpdate(
        @JsonProperty(value = "path", required = true) @JsonAlias("property") String path,
        @JsonProperty("oldValue") JsonNode oldValue,
        @JsonProperty("newValue") JsonNode newValue) {

    public PropertyUpdate {
        oldValue = oldValue == null ? NullNode.getInstance() : oldValue;
        newValue = newValue == null ? NullNode.getInstance() : newValue;
    }

    /** {@code path: old -> new}, the values as JSON, e.g. {@code /enabled: false -> true}. */
    @Override
    public String toString() {
        return path + ": " + oldValue + " -> " + newValue;
    }
}
