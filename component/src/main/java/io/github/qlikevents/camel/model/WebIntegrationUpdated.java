package io.github.qlikevents.camel.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.OptBoolean;

/**
 * {@code com.qlik.core.web-integration.updated} (and the legacy {@code com.qlik.web-integration.updated}): a web
 * integration was updated. The core event sends {@code _updates} with a {@code path} and the integration as it is
 * now; the legacy one sends {@code updates} with a {@code property} and only the id: both arrive in
 * {@link #updates()}, and {@code name} and {@code validOrigins} are null and empty for the legacy event.
 *
 * @param eventType    the type name it was delivered under
 * @param id           the web integration id
 * @param name         its name now (core events)
 * @param validOrigins its origins now (core events)
 * @param updates      what changed; a value is a string, or an array of strings for a list such as validOrigins
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebIntegrationUpdated(
        @JsonIgnore String eventType,
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty("name") String name,
        @JsonProperty("validOrigins") List<String> validOrigins,
        @JsonProperty(value = "_updates", required = true) @JsonAlias("updates") List<PropertyUpdate> updates)
        implements WebIntegrationEvent {

    /** The lists are unmodifiable; absent origins are empty. Jackson: the type name comes from the type table. */
    @JsonCreator
    public WebIntegrationUpdated(
            @JacksonInject(value = QlikEventType.TYPE_NAME, useInput = OptBoolean.FALSE) String eventType,
            @JsonProperty(value = "id", required = true) String id,
            @JsonProperty("name") String name,
            @JsonProperty("validOrigins") List<String> validOrigins,
            @JsonProperty(value = "_updates", required = true) @JsonAlias("updates") List<PropertyUpdate> updates) {
        validOrigins = validOrigins == null ? List.of() : List.copyOf(validOrigins);
        updates = updates == null ? List.of() : List.copyOf(updates);
        this.eventType = eventType;
        this.id = id;
        this.name = name;
        this.validOrigins = validOrigins;
        this.updates = updates;
    }
}
