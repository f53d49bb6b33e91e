package io.github.qlikevents.camel.polling;

import java.time.Instant;

import io.github.qlikevents.camel.decoding.DecodedEvent;
import io.github.qlikevents.camel.decoding.QlikEventFormatException;

/**
 * One item of an audits page: a decoded event, or an invalid one with its raw JSON and the error, which is routed
 * to the error handler rather than dropped.
 *
 * @param event the decoded event, or null when invalid
 * @param raw   the item's JSON when invalid, else null
 * @param error why it is invalid, else null
 */
record PolledItem(DecodedEvent event, byte[] raw, QlikEventFormatException error) {

    static PolledItem valid(DecodedEvent event) {
        return new PolledItem(event, null, null);
    }

    static PolledItem invalid(byte[] raw, QlikEventFormatException error) {
        return new PolledItem(null, raw, error);
    }

    /** The event id, as far as known. */
    String id() {
        return event != null ? event.attributes().id() : error.getEventId();
    }

    /** The event type, as far as known. */
    String type() {
        return event != null ? event.attributes().type() : error.getEventType();
    }

    /** When the event happened, or null when it has no readable time. */
    Instant time() {
        return event == null ? null : event.attributes().instant();
    }
}
