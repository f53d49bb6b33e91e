package io.github.qlikevents.camel.model;

/**
 * A role event, of either generation: the legacy {@code com.qlik.v1.role.*} names (deprecated by Qlik, flagged with
 * the {@code CamelQlikEventDeprecated} header) and the preferred {@code com.qlik.core.role.*}, with the same body.
 */
public sealed interface RoleEvent extends QlikEvent permits RoleCreated, RoleDeleted, RoleUpdated, RoleSynced {
}
