package io.github.qlikevents.camel.encoding;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.github.qlikevents.camel.decoding.QlikEventDecoder;
import io.github.qlikevents.camel.model.LeaseUpdated;
import io.github.qlikevents.camel.model.QlikEvent;
import io.github.qlikevents.camel.support.Envelopes;
import io.github.qlikevents.camel.support.Envelopes.Shape;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A decoded event re-encoded by this component is read back by the CloudEvents Java SDK unchanged. */
class CloudEventRoundTripTest extends CamelTestSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final EventFormat sdkFormat = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:forward")
                        .transformDataType("qlik-license-events:event")
                        .transformDataType("qlik-license-events:application-cloudevents");
                from("direct:decode")
                        .transformDataType("qlik-license-events:event");
                from("direct:http")
                        .transformDataType("qlik-license-events:event")
                        .transformDataType("http:application-cloudevents");
            }
        };
    }

    static Iterable<String> exampleTypes() {
        return Envelopes.EXAMPLE_TYPES;
    }

    @Test
    void ownerSpaceAndTopLevelResourceTravelFromAnAuditItemToHeadersAndToACloudEvent() throws Exception {
        byte[] item = """
                {"id": "audit-1", "eventId": "run-1", "eventType": "com.qlik.v1.automation.run.ended",
                 "eventTime": "2026-11-30T10:00:00Z", "source": "com.qlik/automations", "tenantId": "tenant-1",
                 "extensions": {"ownerId": "owner-1", "spaceId": "space-1", "topLevelResourceId": "automation-1"},
                 "data": {"status": "failed"}}""".getBytes(StandardCharsets.UTF_8);

        Exchange decoded = template.request("direct:decode", e -> e.getMessage().setBody(item));
        Exchange encoded = template.request("direct:forward", e -> e.getMessage().setBody(item));

        assertThat(decoded.getException()).isNull();
        assertThat(decoded.getMessage().getHeaders()).containsEntry("CamelQlikOwnerId", "owner-1")
                .containsEntry("CamelQlikSpaceId", "space-1").containsEntry("CamelQlikTopLevelResourceId", "automation-1");
        CloudEvent event = sdkFormat.deserialize(encoded.getMessage().getBody(byte[].class));
        assertThat(event.getExtension("ownerid")).isEqualTo("owner-1");
        assertThat(event.getExtension("spaceid")).isEqualTo("space-1");
        assertThat(event.getExtension("toplevelresourceid")).isEqualTo("automation-1");
    }

    @ParameterizedTest
    @MethodSource("exampleTypes")
    void sdkReadsTheSameAttributesAndData(String type) throws Exception {
        ObjectNode example = Envelopes.example(type);

        Exchange out = template.request("direct:forward",
                e -> e.getMessage().setBody(Envelopes.wrap(example, Shape.AUDIT_ITEM)));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader("Content-Type", String.class)).startsWith("application/cloudevents+json");
        CloudEvent event = sdkFormat.deserialize(out.getMessage().getBody(byte[].class));
        assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(event.getId()).isEqualTo(example.get("id").asText());
        assertThat(event.getType()).isEqualTo(type);
        assertThat(event.getSource().toString()).isEqualTo(example.get("source").asText());
        assertThat(event.getTime()).isEqualTo(OffsetDateTime.parse(example.get("time").asText()));
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        for (String extension : new String[] { "tenantid", "userid", "sessionid", "authtype", "authclaims",
                "traceparent", "tracestate" }) {
            assertThat(event.getExtension(extension)).as(extension)
                    .isEqualTo(example.path(extension).textValue());
        }
        // the data is Qlik's: decoding it again gives the same typed body
        ObjectNode again = example.deepCopy();
        again.set("data", MAPPER.readTree(event.getData().toBytes()));
        assertThat(decode(again)).isEqualTo(decode(example));
    }

    @Test
    void writesQlikFieldNamesAndEscapesEveryValue() throws Exception {
        ObjectNode example = Envelopes.example("com.qlik.v1.license.lease.updated");
        example.put("authclaims", "{\"sub\":\"a \\\"quoted\\\" name\"}");
        ((ObjectNode) example.get("data")).put("name", "line1\nline2 \"x\" \\ </script>");
        ((ObjectNode) example.get("data")).putArray("_updates").addObject().put("path", "size").put("oldValue", 3)
                .putNull("newValue");

        Exchange out = template.request("direct:forward",
                e -> e.getMessage().setBody(Envelopes.wrap(example, Shape.CLOUD_EVENT)));

        CloudEvent event = sdkFormat.deserialize(out.getMessage().getBody(byte[].class));
        assertThat(event.getExtension("authclaims")).isEqualTo("{\"sub\":\"a \\\"quoted\\\" name\"}");
        JsonNode data = MAPPER.readTree(event.getData().toBytes());
        assertThat(data.get("name").textValue()).isEqualTo("line1\nline2 \"x\" \\ </script>");
        assertThat(data.get("_updates").get(0).get("oldValue").intValue()).isEqualTo(3);
        assertThat(data.get("_updates").get(0).get("newValue").isNull()).isTrue();
        assertThat(data.has("updates")).isFalse();
        assertThat(((LeaseUpdated) decode(example)).updates()).hasSize(1);
    }

    @Test
    void camelCloudEventsHttpTransformerWorksOnADecodedExchange() {
        ObjectNode example = Envelopes.example("com.qlik.v1.license.lease.created");

        Exchange out = template.request("direct:http",
                e -> e.getMessage().setBody(Envelopes.wrap(example, Shape.LEGACY_WEBHOOK)));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader("ce-id")).isEqualTo("string");
        assertThat(out.getMessage().getHeader("ce-type")).isEqualTo("com.qlik.v1.license.lease.created");
        assertThat(out.getMessage().getHeader("ce-source")).isEqualTo("string");
        assertThat(out.getMessage().getHeader("ce-specversion")).isEqualTo("1.0");
        assertThat(out.getMessage().getHeader("ce-time")).isEqualTo("2018-10-30T07:06:22Z");
    }

    private static QlikEvent decode(ObjectNode document) {
        return QlikEventDecoder.getDefault().decode(document.toString().getBytes(StandardCharsets.UTF_8)).body();
    }
}
