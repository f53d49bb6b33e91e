package io.github.qlikevents.camel.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The volume part of a data volume consumption report. */
public record DataVolume(
        @JsonProperty(value = "unit", required = true) String unit,
        @JsonProperty("volume") Long volume,
        @JsonProperty(value = "localVolume", required = true) long localVolume,
        @JsonProperty(value = "externalVolume", required = true) long externalVolume,
        @JsonProperty(value = "consumptionType", required = true) String consumptionType) {
}
