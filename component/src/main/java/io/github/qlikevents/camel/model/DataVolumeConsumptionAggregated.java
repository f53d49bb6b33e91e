package io.github.qlikevents.camel.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code com.qlik.license.data.volume.consumption.aggregated}: data volume consumption was reported. Deprecated by
 * Qlik; still decoded, and flagged with the {@code CamelQlikEventDeprecated} header.
 */
public record DataVolumeConsumptionAggregated(
        @JsonProperty("total") Long total,
        @JsonProperty(value = "dataVolume", required = true) DataVolume dataVolume,
        @JsonProperty("globalConsumption") Long globalConsumption,
        @JsonProperty("globalConsumptionUnit") String globalConsumptionUnit,
        @JsonProperty(value = "totalLocalConsumption", required = true) long totalLocalConsumption,
        @JsonProperty("licenseHighWatermarkWithinMonth") Long licenseHighWatermarkWithinMonth,
        @JsonProperty("licenseHighWatermarkWithinMonthUnit") String licenseHighWatermarkWithinMonthUnit)
        implements LicenseEvent {

    @Override
    public String eventType() {
        return QlikEventType.DATA_VOLUME_CONSUMPTION_AGGREGATED.typeName();
    }
}
