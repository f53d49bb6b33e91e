package io.github.qlikevents.camel.encoding;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.qlikevents.camel.decoding.DecodedEvent;
import io.github.qlikevents.camel.decoding.EventHeaders;
import io.github.qlikevents.camel.decoding.QlikEventDecoder;
import io.github.qlikevents.camel.decoding.QlikJson;
import io.github.qlikevents.camel.support.Envelopes;
import io.github.qlikevents.camel.support.Envelopes.Shape;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event of the four other domains, decoded from an audit item and written back: Qlik's own document. */
class OtherDomainsCloudEventTest {

    static java.util.List<String> types() {
        return Envelopes.OTHER_DOMAIN_EXAMPLE_TYPES;
    }

    @ParameterizedTest
    @MethodSource("types")
    void writesQliksDataAndAttributesBack(String type) throws Exception {
        JsonNode example = Envelopes.example(type);
        DecodedEvent decoded = QlikEventDecoder.getDefault().decode(Envelopes.wrap(Envelopes.example(type),
                Shape.AUDIT_ITEM));
        Message message = new DefaultExchange(new DefaultCamelContext()).getMessage();
        EventHeaders.apply(decoded, message);

        JsonNode written = QlikJson.mapper().readTree(new CloudEventJsonWriter().write(decoded.body(), message));

        JsonNode data = written.get("data");
        example.get("data").fields().forEachRemaining(field -> assertThat(data.get(field.getKey()))
                .as("data.%s of %s", field.getKey(), type).isEqualTo(normalised(field.getValue())));
        assertThat(data.has("eventType")).isFalse();
        for (String attribute : new String[] { "id", "type", "source", "time", "tenantid", "userid" }) {
            assertThat(written.path(attribute).asText()).as(attribute).isEqualTo(example.path(attribute).asText());
        }
        assertThat(QlikEventDecoder.getDefault().decode(QlikJson.mapper().writeValueAsBytes(written)).body())
                .isEqualTo(decoded.body());
    }

    /** Times are written back as ISO instants: the same instant, maybe fewer digits. */
    private static JsonNode normalised(JsonNode value) {
        if (value.isTextual() && value.asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z")) {
            return QlikJson.mapper().getNodeFactory().textNode(java.time.Instant.parse(value.asText()).toString());
        }
        if (value.isContainerNode()) {
            JsonNode copy = value.deepCopy();
            if (copy.isObject()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) copy).fields().forEachRemaining(
                        e -> e.setValue(normalised(e.getValue())));
            } else {
                com.fasterxml.jackson.databind.node.ArrayNode array = (com.fasterxml.jackson.databind.node.ArrayNode) copy;
                for (int i = 0; i < array.size(); i++) {
                    array.set(i, normalised(array.get(i)));
                }
            }
            return copy;
        }
        return value;
    }
}
