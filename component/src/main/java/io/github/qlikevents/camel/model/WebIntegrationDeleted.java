package io.github.qlikevents.camel.model;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.OptBoolean;

/**
 * {@code com.qlik.core.web-integration.deleted} (and the legacy {@code com.qlik.web-integration.deleted}): a web
 * integration was deleted; Qlik sends only its id.
 *
 * @param eventType the type name it was delivered under
 * @param id        the web integration id
 */
public record WebIntegrationDeleted(
        @JsonIgnore String eventType,
        @JsonProperty(value = "id", required = true) String id)
        implements WebIntegrationEvent {

    /** Jackson: the data's fields, and the type name from the type table */
    @JsonCreator
    public WebIntegrationDeleted(
            @JacksonInject(value = QlikEventType.TYPE_NAME, useInput = OptBoolean.FALSE) String eventType,
            @JsonProperty(value = "id", required = true) String id) {
        this.eventType = eventType;
        this.id = id;
    }
}
