package io.github.qlikevents.camel.decoding;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.qlikevents.camel.model.QlikEventType;
import io.github.qlikevents.camel.support.Envelopes;
import io.github.qlikevents.camel.support.Envelopes.Shape;

import static org.assertj.core.api.Assertions.assertThat;

/** What every reference example decodes to, whatever its domain: its type's body class and the example's attributes. */
final class ExampleAssertions {

    private ExampleAssertions() {
    }

    /** The body is of the type's class and every attribute is the example's, in the given envelope. */
    static void assertTypeAndAttributes(DecodedEvent event, String type, ObjectNode example, Shape shape) {
        assertThat(event.body().eventType()).isEqualTo(type);
        assertThat(event.body()).isInstanceOf(QlikEventType.forTypeName(type).orElseThrow().bodyClass());
        EventAttributes attributes = event.attributes();
        for (EventAttribute attribute : EventAttribute.values()) {
            String expected = attribute == EventAttribute.DATA_CONTENT_TYPE ? "application/json"
                    : example.path(attribute.cloudEventName()).textValue();
            if (attribute == EventAttribute.OWNER_ID && shape == Shape.AUDIT_ITEM && expected == null) {
                expected = Envelopes.AUDIT_ITEM_OWNER; // the Audits API adds extensions.ownerId
            }
            assertThat(attributes.get(attribute)).as("%s in the %s envelope", attribute, shape).isEqualTo(expected);
        }
        assertThat(attributes.auditId()).isEqualTo(shape == Shape.AUDIT_ITEM ? "audit-" + attributes.id() : null);
    }
}
