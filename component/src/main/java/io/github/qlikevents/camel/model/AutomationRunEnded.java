package io.github.qlikevents.camel.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code com.qlik.v1.automation.run.ended}: one run of an automation ended; its status, what started it, its metrics
 * and whether it is billable. Qlik requires none of these fields. Qlik replaces {@code isTestRun} and
 * {@code isArchived} by {@link #testRun()} and {@link #archived()} (removal on or after 2027-05-30): the new ones are
 * filled from the old ones when only those are sent.
 *
 * @param id                 the run id
 * @param automation         the automation, as raw JSON (Qlik publishes no schema for it), or null
 * @param title              the title of the run
 * @param status             {@code finished}, {@code failed}, {@code exceeded limit}, {@code finished with warnings},
 *                           {@code stopped} ... (kept as sent: Qlik adds values)
 * @param context            what started the run: {@code editor}, {@code api_sync}, {@code webhook} ...
 * @param metrics            the run's metrics: blocks, network bytes, API calls
 * @param ownerId            the owner of the automation
 * @param spaceId            the space of the run; empty when the run is not in a space
 * @param testRun            whether it is a test run
 * @param archived           whether the run is archived
 * @param billable           true when executed blocks use billable connectors
 * @param startTime          when the run started
 * @param stopTime           when the run stopped
 * @param createdAt          when the run was created
 * @param updatedAt          when the run was last updated
 * @param scheduledStartTime when the run was scheduled to start
 * @param executedById       the user who ran it
 * @param isTestRun          deprecated by Qlik: use {@link #testRun()}
 * @param isArchived         deprecated by Qlik: use {@link #archived()}
 * @param blocks             per-block metrics at data level (base blocks included)
 * @param network            bytes received and sent, at data level
 * @param totalApiCalls      API calls made, at data level
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AutomationRunEnded(
        @JsonProperty("id") String id,
        @JsonProperty("automation") JsonNode automation,
        @JsonProperty("title") String title,
        @JsonProperty("status") String status,
        @JsonProperty("context") String context,
        @JsonProperty("metrics") RunMetrics metrics,
        @JsonProperty("ownerId") String ownerId,
        @JsonProperty("spaceId") String spaceId,
        @JsonProperty("testRun") Boolean testRun,
        @JsonProperty("archived") Boolean archived,
        @JsonProperty("billable") Boolean billable,
        @JsonProperty("startTime") Instant startTime,
        @JsonProperty("stopTime") Instant stopTime,
        @JsonProperty("createdAt") Instant createdAt,
        @JsonProperty("updatedAt") Instant updatedAt,
        @JsonProperty("scheduledStartTime") Instant scheduledStartTime,
        @JsonProperty("executedById") String executedById,
        @JsonProperty("isTestRun") Boolean isTestRun,
        @JsonProperty("isArchived") Boolean isArchived,
        @JsonProperty("blocks") List<BlockMetrics> blocks,
        @JsonProperty("network") NetworkBytes network,
        @JsonProperty("totalApiCalls") Long totalApiCalls) implements AutomationEvent {

    /** The status of a run that failed. */
    public static final String FAILED = "failed";
    /** The status of a run stopped because it exceeded a limit. */
    public static final String EXCEEDED_LIMIT = "exceeded limit";

    /** Absent lists are empty and unmodifiable; testRun and archived fall back to their deprecated names. */
    public AutomationRunEnded {
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
        testRun = testRun != null ? testRun : isTestRun;
        archived = archived != null ? archived : isArchived;
    }

    @Override
    public String eventType() {
        return QlikEventType.AUTOMATION_RUN_ENDED.typeName();
    }
}
