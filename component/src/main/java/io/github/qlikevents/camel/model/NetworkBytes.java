package io.github.qlikevents.camel.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Bytes an automation run received and sent; Qlik's default for each is 0.
 *
 * @param rxBytes bytes received
 * @param txBytes bytes sent
 */
public record NetworkBytes(@JsonProperty("rxBytes") long rxBytes, @JsonProperty("txBytes") long txBytes) {
}
