package io.github.qlikevents.camel.sandbox;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One event held by the sandbox tenant.
 *
 * @param eventId  the CloudEvents id
 * @param auditId  the audit resource id
 * @param type     the event type
 * @param time     when it happened (its place in the Audits API order)
 * @param tenantId the tenant
 * @param userId   the user, or null
 * @param data     the event data
 */
public record SandboxEvent(String eventId, String auditId, String type, Instant time, String tenantId, String userId,
                           ObjectNode data) {

    /** The order of the Audits API: by time, then by id. */
    static int compare(Instant time, String id, Instant otherTime, String otherId) {
        int byTime = time.compareTo(otherTime);
        return byTime != 0 ? byTime : id.compareTo(otherId);
    }
}
