package io.github.qlikevents.camel.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code metrics} of an automation run.
 *
 * @param blocks        per-block metrics (endpoint and snippet blocks)
 * @param network       bytes received and sent
 * @param totalApiCalls API calls made; null when Qlik leaves it out
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunMetrics(
        @JsonProperty("blocks") List<BlockMetrics> blocks,
        @JsonProperty("network") NetworkBytes network,
        @JsonProperty("totalApiCalls") Long totalApiCalls) {

    /** An absent list is empty; the list is unmodifiable. */
    public RunMetrics {
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
    }
}
