package io.github.qlikevents.camel.model;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.github.qlikevents.camel.model.Channel.AUTOMATIONS;
import static io.github.qlikevents.camel.model.Channel.IP_POLICIES;
import static io.github.qlikevents.camel.model.Channel.LICENSES;
import static io.github.qlikevents.camel.model.Channel.ROLES;
import static io.github.qlikevents.camel.model.Channel.WEB_INTEGRATIONS;

/**
 * The one table of the event types this version knows: type name, channel, body class and what Qlik says of each.
 * A body class may serve two type names (a legacy and a preferred generation): it then receives the name it was
 * delivered under as {@link #TYPE_NAME}.
 */
public enum QlikEventType {

    ASSIGNMENT_DELETED("com.qlik.license.assignment.deleted", LICENSES, AssignmentDeleted.class),
    ASSIGNMENT_REJECTED("com.qlik.license.assignment.rejected", LICENSES, AssignmentRejected.class),
    ASSIGNMENT_UPDATED("com.qlik.license.assignment.updated", LICENSES, AssignmentUpdated.class),
    DATA_VOLUME_CONSUMPTION_AGGREGATED("com.qlik.license.data.volume.consumption.aggregated", LICENSES,
            DataVolumeConsumptionAggregated.class, Flag.DEPRECATED),
    DEFINITION_UPDATED("com.qlik.license.definition.updated", LICENSES, DefinitionUpdated.class,
            Flag.TENANT_ID_REQUIRED),
    LEASE_CREATED("com.qlik.v1.license.lease.created", LICENSES, LeaseCreated.class),
    LEASE_DELETED("com.qlik.v1.license.lease.deleted", LICENSES, LeaseDeleted.class),
    LEASE_UPDATED("com.qlik.v1.license.lease.updated", LICENSES, LeaseUpdated.class),
    TENANT_ASSOCIATED("com.qlik.v1.license.tenant.associated", LICENSES, TenantAssociated.class,
            Flag.TENANT_ID_REQUIRED),
    LICENSES_PURGED("com.qlik.v1.licenses.purged", LICENSES, LicensesPurged.class, Flag.TENANT_ID_REQUIRED),
    AUTOMATION_RUN_ENDED("com.qlik.v1.automation.run.ended", AUTOMATIONS, AutomationRunEnded.class),
    ROLE_CREATED("com.qlik.core.role.created", ROLES, RoleCreated.class),
    ROLE_DELETED("com.qlik.core.role.deleted", ROLES, RoleDeleted.class),
    ROLE_UPDATED("com.qlik.core.role.updated", ROLES, RoleUpdated.class),
    ROLE_SYNCED("com.qlik.core.role.synced", ROLES, RoleSynced.class),
    LEGACY_ROLE_CREATED("com.qlik.v1.role.created", ROLES, RoleCreated.class, Flag.DEPRECATED),
    LEGACY_ROLE_DELETED("com.qlik.v1.role.deleted", ROLES, RoleDeleted.class, Flag.DEPRECATED),
    LEGACY_ROLE_UPDATED("com.qlik.v1.role.updated", ROLES, RoleUpdated.class, Flag.DEPRECATED),
    LEGACY_ROLE_SYNCED("com.qlik.v1.role.synced", ROLES, RoleSynced.class, Flag.DEPRECATED),
    WEB_INTEGRATION_CREATED("com.qlik.core.web-integration.created", WEB_INTEGRATIONS, WebIntegrationCreated.class),
    WEB_INTEGRATION_DELETED("com.qlik.core.web-integration.deleted", WEB_INTEGRATIONS, WebIntegrationDeleted.class),
    WEB_INTEGRATION_UPDATED("com.qlik.core.web-integration.updated", WEB_INTEGRATIONS, WebIntegrationUpdated.class),
    LEGACY_WEB_INTEGRATION_CREATED("com.qlik.web-integration.created", WEB_INTEGRATIONS,
            WebIntegrationCreated.class, Flag.DEPRECATED),
    LEGACY_WEB_INTEGRATION_DELETED("com.qlik.web-integration.deleted", WEB_INTEGRATIONS,
            WebIntegrationDeleted.class, Flag.DEPRECATED),
    LEGACY_WEB_INTEGRATION_UPDATED("com.qlik.web-integration.updated", WEB_INTEGRATIONS,
            WebIntegrationUpdated.class, Flag.DEPRECATED, Flag.LEGACY_CHANGE_LIST),
    IP_POLICY_CREATED("com.qlik.core.ip-policy.created", IP_POLICIES, IpPolicyCreated.class),
    IP_POLICY_DELETED("com.qlik.core.ip-policy.deleted", IP_POLICIES, IpPolicyDeleted.class),
    IP_POLICY_UPDATED("com.qlik.core.ip-policy.updated", IP_POLICIES, IpPolicyUpdated.class);

    /** The Jackson injectable that carries the type name into a body serving two type names. */
    public static final String TYPE_NAME = "io.github.qlikevents.typeName";

    private enum Flag {
        /** Qlik deprecated the type (it still decodes). */
        DEPRECATED,
        /** Qlik requires tenantid for this license type (every type of the other channels requires it). */
        TENANT_ID_REQUIRED,
        /** Qlik names the change list {@code updates} and its path {@code property} (legacy web integrations). */
        LEGACY_CHANGE_LIST
    }

    private static final Map<String, QlikEventType> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(QlikEventType::typeName, Function.identity()));

    private final String typeName;
    private final Channel channel;
    private final Class<? extends QlikEvent> bodyClass;
    private final Set<Flag> flags;

    QlikEventType(String typeName, Channel channel, Class<? extends QlikEvent> bodyClass, Flag... flags) {
        this.typeName = typeName;
        this.channel = channel;
        this.bodyClass = bodyClass;
        this.flags = flags.length == 0 ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(Arrays.asList(flags));
    }

    /** The CloudEvents type name, e.g. {@code com.qlik.v1.license.lease.created}. */
    public String typeName() {
        return typeName;
    }

    /** The channel (domain) of the type. */
    public Channel channel() {
        return channel;
    }

    /** The class of the typed body. */
    public Class<? extends QlikEvent> bodyClass() {
        return bodyClass;
    }

    /** True for types Qlik has deprecated or replaced (they still decode). */
    public boolean deprecated() {
        return flags.contains(Flag.DEPRECATED);
    }

    /** True where Qlik requires {@code tenantid} in the envelope. */
    public boolean tenantIdRequired() {
        return flags.contains(Flag.TENANT_ID_REQUIRED) || channel.strictEnvelope();
    }

    /** True where Qlik writes the change list as {@code updates} with {@code property} instead of {@code path}. */
    public boolean legacyChangeList() {
        return flags.contains(Flag.LEGACY_CHANGE_LIST);
    }

    /** The type with this exact (case-sensitive) name, if this version knows it. */
    public static Optional<QlikEventType> forTypeName(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }
}
