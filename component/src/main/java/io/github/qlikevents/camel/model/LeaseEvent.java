package io.github.qlikevents.camel.model;

import java.time.Instant;

/** A capacity lease created, deleted or updated. Over capacity: {@link #excess()} is true. */
public sealed interface LeaseEvent extends LicenseEvent permits LeaseCreated, LeaseDeleted, LeaseUpdated {

    /** Name of the leased resource instance. */
    String name();

    /** Size of the lease. */
    long size();

    /** True when the lease goes beyond the licensed quantity. */
    boolean excess();

    /** License number. */
    String license();

    /** Leased resource. */
    String resource();

    /** When the lease was created; {@code null} where Qlik emits null. */
    Instant createdAt();

    /** When the lease was last updated; may be {@code null}. */
    Instant updatedAt();

    /** Quantity beyond the license. */
    long excessQuantity();

    /** Quantity leased. */
    long leasedQuantity();

    /** Quantity the license allows. */
    long licenseQuantity();

    /** True when the license has no quantity limit. */
    boolean licenseUnlimited();

    /** True when the lease is beyond capacity: flagged {@code excess}, or leased more than a limited license allows. */
    default boolean overCapacity() {
        return excess() || !licenseUnlimited() && leasedQuantity() > licenseQuantity();
    }
}
