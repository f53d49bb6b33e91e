package io.github.qlikevents.camel.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.OptBoolean;

/**
 * {@code com.qlik.core.web-integration.created} (and the legacy {@code com.qlik.web-integration.created}): a web
 * integration was created.
 *
 * @param eventType    the type name it was delivered under
 * @param id           the web integration id
 * @param name         its name
 * @param validOrigins the origins allowed to use it for CORS requests
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebIntegrationCreated(
        @JsonIgnore String eventType,
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "validOrigins", required = true) List<String> validOrigins)
        implements WebIntegrationEvent {

    /** The list is unmodifiable. Jackson: the type name comes from the type table. */
    @JsonCreator
    public WebIntegrationCreated(
            @JacksonInject(value = QlikEventType.TYPE_NAME, useInput = OptBoolean.FALSE) String eventType,
            @JsonProperty(value = "id", required = true) String id,
            @JsonProperty(value = "name", required = true) String name,
            @JsonProperty(value = "validOrigins", required = true) List<String> validOrigins) {
        validOrigins = validOrigins == null ? List.of() : List.copyOf(validOrigins);
        this.eventType = eventType;
        this.id = id;
        this.name = name;
        this.validOrigins = validOrigins;
    }
}
