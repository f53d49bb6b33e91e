package io.github.qlikevents.camel.decoding;

import io.github.qlikevents.camel.model.QlikEvent;

/**
 * A decoded event: the typed body and the envelope attributes.
 *
 * @param body       the typed body
 * @param attributes the CloudEvents attributes and Qlik extensions
 */
public record DecodedEvent(QlikEvent body, EventAttributes attributes) {
}
