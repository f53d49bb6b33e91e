package io.github.qlikevents.camel.decoding;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.qlikevents.camel.support.Envelopes;
import io.github.qlikevents.camel.support.Envelopes.Shape;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BadInputTest {

    private static final String LEASE = "com.qlik.v1.license.lease.created";

    private final QlikEventDecoder decoder = QlikEventDecoder.getDefault();

    @Test
    void malformedJsonNamesTheEventAndThePosition() {
        QlikEventFormatException e = reject("{\"id\":\"e-1\",\"type\":\"" + LEASE + "\",\"data\":{\"name\":");

        assertThat(e).hasMessageContaining("malformed JSON").hasMessageContaining("line 1")
                .hasMessageContaining("id=e-1").hasMessageContaining(LEASE);
        assertThat(e.getEventId()).isEqualTo("e-1");
    }

    @Test
    void documentThatIsNoEventSaysWhatIsMissing() {
        QlikEventFormatException e = reject("{\"hello\":\"world\",\"data\":{}}");

        assertThat(e).hasMessageContaining("not a Qlik event").hasMessageContaining("'type'");
        assertThat(e.getField()).isEqualTo("type");
    }

    @Test
    void jsonArrayIsNoEvent() {
        assertThat(reject("[1,2]")).hasMessageContaining("expected a JSON object, found an array");
    }

    @Test
    void missingDataIsAnError() {
        QlikEventFormatException e = reject("{\"id\":\"e-2\",\"type\":\"" + LEASE + "\"}");

        assertThat(e).hasMessageContaining("id=e-2").hasMessageContaining("has no 'data'");
        assertThat(e.getField()).isEqualTo("data");
    }

    @Test
    void nullDataIsAnError() {
        assertThat(reject("{\"id\":\"e-3\",\"type\":\"" + LEASE + "\",\"data\":null}").getField()).isEqualTo("data");
    }

    @Test
    void dataThatIsNoObjectIsAnError() {
        assertThat(reject("{\"id\":\"e-4\",\"type\":\"" + LEASE + "\",\"data\":[1]}"))
                .hasMessageContaining("expected a JSON object, found an array");
    }

    @Test
    void missingRequiredFieldNamesEventIdTypeAndField() {
        ObjectNode example = Envelopes.example(LEASE);
        ((ObjectNode) example.get("data")).remove("leasedQuantity");

        QlikEventFormatException e = reject(example);

        assertThat(e.getField()).isEqualTo("data.leasedQuantity");
        assertThat(e.getEventId()).isEqualTo("string");
        assertThat(e.getEventType()).isEqualTo(LEASE);
        assertThat(e).hasMessage("Invalid Qlik event (id=string, type=" + LEASE
                                 + "): field 'data.leasedQuantity': required field is missing");
    }

    @Test
    void missingNestedFieldGivesItsPath() {
        ObjectNode example = Envelopes.example("com.qlik.license.data.volume.consumption.aggregated");
        ((ObjectNode) example.get("data").get("dataVolume")).remove("localVolume");

        assertThat(reject(example).getField()).isEqualTo("data.dataVolume.localVolume");
    }

    @Test
    void missingPathInUpdatesGivesTheIndex() {
        ObjectNode example = Envelopes.example("com.qlik.v1.license.lease.updated");
        ArrayNode updates = ((ObjectNode) example.get("data")).putArray("_updates");
        updates.addObject().put("path", "a").put("newValue", 1).put("oldValue", 0);
        updates.addObject().put("newValue", 2);

        assertThat(reject(example).getField()).isEqualTo("data._updates[1].path");
    }

    @Test
    void wrongJsonTypesAreErrorsNotSilentDefaults() {
        assertWrongType("size", "\"four\"");
        assertWrongType("size", "\"4\"");
        assertWrongType("size", "4.5");
        assertWrongType("size", "null");
        assertWrongType("excess", "\"yes\"");
        assertWrongType("excess", "1");
        assertWrongType("createdAt", "\"yesterday\"");
        assertWrongType("license", "{\"n\":1}");
    }

    @Test
    void wrongTypeOfAnEnvelopeAttributeNamesIt() {
        QlikEventFormatException e = reject("{\"id\":\"e-5\",\"type\":{\"a\":1},\"data\":{}}");

        assertThat(e.getField()).isEqualTo("type");
        assertThat(e).hasMessageContaining("expected a string, found an object");
    }

    @Test
    void tenantIdIsRequiredWhereQlikRequiresIt() {
        ObjectNode example = Envelopes.example("com.qlik.license.definition.updated");
        example.remove("tenantid");

        QlikEventFormatException e = reject(example);

        assertThat(e.getField()).isEqualTo("tenantid");
        assertThat(e).hasMessageContaining("com.qlik.license.definition.updated");
    }

    @Test
    void errorMessagesNeverQuoteAuthClaims() {
        ObjectNode example = Envelopes.example(LEASE);
        example.put("authclaims", "{\"sub\":\"s3cr3t-claim\"}");
        ((ObjectNode) example.get("data")).put("size", "s3cr3t-size");

        QlikEventFormatException e = reject(example);

        assertThat(e.getMessage()).doesNotContain("s3cr3t-claim");
        assertThat(e.getField()).isEqualTo("data.size");
    }

    @Test
    void trailingContentIsRejected() {
        byte[] json = Envelopes.wrap(Envelopes.example(LEASE), Shape.CLOUD_EVENT);
        String twice = new String(json, StandardCharsets.UTF_8) + " {}";

        assertThat(reject(twice)).hasMessageContaining("unexpected content after the event document");
    }

    private void assertWrongType(String field, String jsonValue) {
        String json = Envelopes.example(LEASE).toString()
                .replaceFirst("\"" + field + "\":[^,}]+", "\"" + field + "\":" + jsonValue.replace("\\", "\\\\"));
        QlikEventFormatException e = reject(json);
        assertThat(e.getField()).as("field for %s=%s", field, jsonValue).isEqualTo("data." + field);
        assertThat(e).hasMessageContaining("wrong JSON type or value").hasMessageContaining("id=string");
    }

    private QlikEventFormatException reject(ObjectNode document) {
        return reject(document.toString());
    }

    private QlikEventFormatException reject(String json) {
        return catchThrowableOfType(QlikEventFormatException.class,
                () -> decoder.decode(json.getBytes(StandardCharsets.UTF_8)));
    }
}
