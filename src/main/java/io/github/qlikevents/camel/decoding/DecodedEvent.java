package io.github.qlikevents.camel.decoding;

import io.github.qlikevents.camel.model.LicenseEvent;

/**
 * A decoded event: the typed body and the envelope attributes.
 *
 * @param body       the typed body
 * @param attributes the CloudEvents attributes and Qlik extensions
 */
public record DecodedEvent(LicenseEvent body, EventAttributes attributes) {
}
