package io.github.qlikevents.camel.model;

/**
 * A web integration event, of either generation: the legacy {@code com.qlik.web-integration.*} and the preferred
 * {@code com.qlik.core.web-integration.*}, with the same body.
 */
public sealed interface WebIntegrationEvent extends QlikEvent
        permits WebIntegrationCreated, WebIntegrationDeleted, WebIntegrationUpdated {

    /** The web integration's id. */
    String id();
}
