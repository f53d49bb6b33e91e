package io.github.qlikevents.camel.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one block of an automation run did. Numbers are null when Qlik leaves them out.
 *
 * @param type        {@code endpointBlock}, {@code snippetBlock} or {@code baseBlock}
 * @param blockName   the block's name (base blocks), e.g. {@code SleepBlock}
 * @param params      the block's parameters as raw JSON (base blocks), or null
 * @param rxBytes     bytes received
 * @param txBytes     bytes sent
 * @param apiCalls    external API calls
 * @param duration    execution time (milliseconds, by Qlik's example; the unit is not published)
 * @param snippetId   the snippet
 * @param endpointId  the endpoint
 * @param connectorId the connector
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BlockMetrics(
        @JsonProperty("type") String type,
        @JsonProperty("blockName") String blockName,
        @JsonProperty("params") JsonNode params,
        @JsonProperty("rxBytes") Long rxBytes,
        @JsonProperty("txBytes") Long txBytes,
        @JsonProperty("apiCalls") Long apiCalls,
        @JsonProperty("duration") Long duration,
        @JsonProperty("snippetId") String snippetId,
        @JsonProperty("endpointId") String endpointId,
        @JsonProperty("connectorId") String connectorId) {
}
