package io.github.qlikevents.camel.model;

/** A change to a user's license assignment: deleted, rejected or updated. */
public sealed interface AssignmentEvent extends LicenseEvent
        permits AssignmentDeleted, AssignmentRejected, AssignmentUpdated {

    /** Assignment type, e.g. {@code professional} or {@code analyzer_time}. */
    String type();

    /** {@code internal} (API triggered) or {@code external} (triggered by a sync operation). */
    String origin();

    /** License number. */
    String license();

    /** Subject of the user assigned access. */
    String subject();
}
