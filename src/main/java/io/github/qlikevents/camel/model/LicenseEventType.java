package io.github.qlikevents.camel.model;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The registry of license event types this version knows: type name, body class and what Qlik says of each. */
public enum LicenseEventType {

    ASSIGNMENT_DELETED("com.qlik.license.assignment.deleted", AssignmentDeleted.class),
    ASSIGNMENT_REJECTED("com.qlik.license.assignment.rejected", AssignmentRejected.class),
    ASSIGNMENT_UPDATED("com.qlik.license.assignment.updated", AssignmentUpdated.class),
    DATA_VOLUME_CONSUMPTION_AGGREGATED("com.qlik.license.data.volume.consumption.aggregated",
            DataVolumeConsumptionAggregated.class, Flag.DEPRECATED),
    DEFINITION_UPDATED("com.qlik.license.definition.updated", DefinitionUpdated.class, Flag.TENANT_ID_REQUIRED),
    LEASE_CREATED("com.qlik.v1.license.lease.created", LeaseCreated.class),
    LEASE_DELETED("com.qlik.v1.license.lease.deleted", LeaseDeleted.class),
    LEASE_UPDATED("com.qlik.v1.license.lease.updated", LeaseUpdated.class),
    TENANT_ASSOCIATED("com.qlik.v1.license.tenant.associated", TenantAssociated.class, Flag.TENANT_ID_REQUIRED),
    LICENSES_PURGED("com.qlik.v1.licenses.purged", LicensesPurged.class, Flag.TENANT_ID_REQUIRED);

    /** The Audits API {@code source} of license events. */
    public static final String SOURCE = "com.qlik/licenses";

    private enum Flag {
        DEPRECATED,
        TENANT_ID_REQUIRED
    }

    private static final Map<String, LicenseEventType> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(LicenseEventType::typeName, Function.identity()));

    private final String typeName;
    private final Class<? extends LicenseEvent> bodyClass;
    private final Set<Flag> flags;

    LicenseEventType(String typeName, Class<? extends LicenseEvent> bodyClass, Flag... flags) {
        this.typeName = typeName;
        this.bodyClass = bodyClass;
        this.flags = flags.length == 0 ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(Arrays.asList(flags));
    }

    /** The CloudEvents type name, e.g. {@code com.qlik.v1.license.lease.created}. */
    public String typeName() {
        return typeName;
    }

    /** The class of the typed body. */
    public Class<? extends LicenseEvent> bodyClass() {
        return bodyClass;
    }

    /** True for types Qlik has deprecated (they still decode). */
    public boolean deprecated() {
        return flags.contains(Flag.DEPRECATED);
    }

    /** True where Qlik requires {@code tenantid} in the envelope. */
    public boolean tenantIdRequired() {
        return flags.contains(Flag.TENANT_ID_REQUIRED);
    }

    /** The type with this exact (case-sensitive) name, if this version knows it. */
    public static Optional<LicenseEventType> forTypeName(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }
}
