package io.github.qlikevents.camel.decoding;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.qlikevents.camel.model.AssignmentDeleted;
import io.github.qlikevents.camel.model.AssignmentEvent;
import io.github.qlikevents.camel.model.AssignmentRejected;
import io.github.qlikevents.camel.model.AssignmentUpdated;
import io.github.qlikevents.camel.model.DataVolumeConsumptionAggregated;
import io.github.qlikevents.camel.model.DefinitionUpdated;
import io.github.qlikevents.camel.model.EventTypeFilter;
import io.github.qlikevents.camel.model.LeaseCreated;
import io.github.qlikevents.camel.model.LeaseDeleted;
import io.github.qlikevents.camel.model.LeaseEvent;
import io.github.qlikevents.camel.model.LeaseUpdated;
import io.github.qlikevents.camel.model.Channel;
import io.github.qlikevents.camel.model.QlikEvent;
import io.github.qlikevents.camel.model.QlikEventType;
import io.github.qlikevents.camel.model.LicensesPurged;
import io.github.qlikevents.camel.model.PropertyUpdate;
import io.github.qlikevents.camel.model.TenantAssociated;
import io.github.qlikevents.camel.model.UnknownEvent;
import io.github.qlikevents.camel.support.Envelopes;
import io.github.qlikevents.camel.support.Envelopes.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class QlikEventDecoderTest {

    private static final Instant EXAMPLE_TIME = Instant.parse("2018-10-30T07:06:22Z");

    private final QlikEventDecoder decoder = QlikEventDecoder.getDefault();

    static Stream<Arguments> everyExampleInEveryEnvelope() {
        return Envelopes.inEveryEnvelope(Envelopes.EXAMPLE_TYPES);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyExampleInEveryEnvelope")
    void decodesEveryReferenceExampleInEveryEnvelope(String type, Shape shape) {
        ObjectNode example = Envelopes.example(type);

        DecodedEvent event = decoder.decode(Envelopes.wrap(example, shape));

        ExampleAssertions.assertTypeAndAttributes(event, type, example, shape);
        assertBodyMatchesExample(event.body());
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void threeEnvelopesGiveTheSameBodyAndAttributes(Shape shape) {
        ObjectNode example = Envelopes.example("com.qlik.v1.license.lease.updated");
        DecodedEvent reference = decoder.decode(Envelopes.wrap(example, Shape.CLOUD_EVENT));

        DecodedEvent event = decoder.decode(Envelopes.wrap(example, shape));

        assertThat(event.body()).isEqualTo(reference.body());
        for (EventAttribute attribute : EventAttribute.values()) {
            String expected = attribute == EventAttribute.OWNER_ID && shape == Shape.AUDIT_ITEM
                    ? Envelopes.AUDIT_ITEM_OWNER : reference.attributes().get(attribute);
            assertThat(event.attributes().get(attribute)).as(attribute.name()).isEqualTo(expected);
        }
    }

    @Test
    void numericLicenseIsExposedAsTheSameDigits() {
        LeaseCreated lease = (LeaseCreated) decode("com.qlik.v1.license.lease.created");

        assertThat(lease.license()).isEqualTo("1234123412341234");
    }

    @Test
    void updatesKeepTheirJsonTypes() {
        ObjectNode example = Envelopes.example("com.qlik.v1.license.lease.updated");
        ObjectNode data = (ObjectNode) example.get("data");
        data.putArray("_updates")
                .add(update("leasedQuantity").put("oldValue", 40).put("newValue", 42))
                .add(update("name").put("oldValue", "old").put("newValue", "new"))
                .add(update("limits").putNull("oldValue").set("newValue", example.objectNode().put("max", 50)))
                .add(update("excess").put("oldValue", false).put("newValue", true))
                .add(update("resource"));

        LeaseUpdated lease = (LeaseUpdated) decoder.decode(Envelopes.wrap(example, Shape.CLOUD_EVENT)).body();

        assertThat(lease.updates()).extracting(PropertyUpdate::path)
                .containsExactly("leasedQuantity", "name", "limits", "excess", "resource");
        PropertyUpdate quantity = lease.updates().get(0);
        assertThat(quantity.oldValue().isNumber()).isTrue();
        assertThat(quantity.newValue().bigIntegerValue()).isEqualTo(BigInteger.valueOf(42));
        assertThat(lease.updates().get(1).newValue().textValue()).isEqualTo("new");
        assertThat(lease.updates().get(2).oldValue().isNull()).isTrue();
        assertThat(lease.updates().get(2).newValue().get("max").intValue()).isEqualTo(50);
        assertThat(lease.updates().get(3).newValue().booleanValue()).isTrue();
        assertThat(lease.updates().get(4).oldValue().isNull()).isTrue();
        assertThat(lease.updates().get(4).newValue().isNull()).isTrue();
    }

    @Test
    void nullCreatedAtIsNull() {
        ObjectNode example = Envelopes.example("com.qlik.v1.license.lease.created");
        ((ObjectNode) example.get("data")).putNull("createdAt");

        LeaseCreated lease = (LeaseCreated) decoder.decode(Envelopes.wrap(example, Shape.CLOUD_EVENT)).body();

        assertThat(lease.createdAt()).isNull();
        assertThat(lease.updatedAt()).isEqualTo(EXAMPLE_TIME);
    }

    @Test
    void unknownFieldsAreIgnoredAtEveryLevel() {
        ObjectNode example = Envelopes.example("com.qlik.license.data.volume.consumption.aggregated");
        example.put("newattribute", "x").putObject("newobject").put("a", 1);
        ((ObjectNode) example.get("data")).put("brandNewField", true);
        ((ObjectNode) example.get("data").get("dataVolume")).putArray("extra").add(1);

        DataVolumeConsumptionAggregated event = (DataVolumeConsumptionAggregated) decoder
                .decode(Envelopes.wrap(example, Shape.CLOUD_EVENT)).body();

        assertThat(event.dataVolume().localVolume()).isEqualTo(42);
    }

    @Test
    void unknownTypeIsDeliveredWithItsRawData() {
        String json = """
                {"specversion":"1.0","id":"e-1","type":"com.qlik.v1.license.quota.exceeded",
                 "source":"com.qlik/licenses","data":{"quota":7,"names":["a","b"]}}""";

        DecodedEvent event = decoder.decode(json.getBytes(StandardCharsets.UTF_8));

        UnknownEvent unknown = (UnknownEvent) event.body();
        assertThat(unknown.eventType()).isEqualTo("com.qlik.v1.license.quota.exceeded");
        assertThat(unknown.data().get("quota").intValue()).isEqualTo(7);
        assertThat(unknown.data().get("names").get(1).textValue()).isEqualTo("b");
        assertThat(event.attributes().id()).isEqualTo("e-1");
    }

    @Test
    void dataBeforeTypeStillDecodes() {
        String json = """
                {"data":{"license":"L-1","parentLicense":"P-1"},"tenantid":"t-1",
                 "type":"com.qlik.v1.license.tenant.associated","id":"e-9","specversion":"1.0"}""";

        TenantAssociated event = (TenantAssociated) decoder.decode(json.getBytes(StandardCharsets.UTF_8)).body();

        assertThat(event.license()).isEqualTo("L-1");
        assertThat(event.parentLicense()).isEqualTo("P-1");
        assertThat(event.previousLicense()).isNull();
    }

    @Test
    void hybridWebhookBodyPrefersCloudEventsFields() {
        ObjectNode hybrid = Envelopes.legacyWebhook(Envelopes.example("com.qlik.license.definition.updated"));
        hybrid.put("specversion", "1.0").put("id", "ce-id").put("type", "com.qlik.license.definition.updated")
                .put("tenantid", "ce-tenant");

        DecodedEvent event = decoder.decode(hybrid.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(event.attributes().id()).isEqualTo("ce-id");
        assertThat(event.attributes().tenantId()).isEqualTo("ce-tenant");
        assertThat(event.attributes().auditId()).isNull();
    }

    @Test
    void leaseEventsShareOneInterfaceForRoutesThatWantThemAll() {
        assertThat(EventTypeFilter.parse("com.qlik.v1.license.lease.*", Channel.LICENSES).concreteTypes())
                .<Class<?>>extracting(name -> QlikEventType.forTypeName(name).orElseThrow().bodyClass())
                .allSatisfy(c -> assertThat(LeaseEvent.class).isAssignableFrom(c))
                .containsExactlyInAnyOrder(LeaseCreated.class, LeaseDeleted.class, LeaseUpdated.class);
        assertThat(QlikEventType.DATA_VOLUME_CONSUMPTION_AGGREGATED.deprecated()).isTrue();
        assertThat(QlikEventType.LEASE_CREATED.deprecated()).isFalse();
    }

    private QlikEvent decode(String type) {
        return decoder.decode(Envelopes.wrap(Envelopes.example(type), Shape.CLOUD_EVENT)).body();
    }

    private static ObjectNode update(String path) {
        return new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("path", path);
    }

    /** Field values as Qlik's reference examples give them. */
    private static void assertBodyMatchesExample(QlikEvent body) {
        if (body instanceof AssignmentEvent assignment) {
            assertThat(assignment.type()).isEqualTo("professional");
            assertThat(assignment.origin()).isEqualTo("internal");
            assertThat(assignment.license()).isEqualTo("1234123412341234");
            assertThat(assignment.subject()).isEqualTo("qtsel\\lhr");
            if (assignment instanceof AssignmentRejected rejected) {
                assertThat(rejected.message()).isEqualTo("string");
            } else {
                assertThat(assignment).isInstanceOfAny(AssignmentDeleted.class, AssignmentUpdated.class);
            }
        } else if (body instanceof DataVolumeConsumptionAggregated volume) {
            assertThat(volume.total()).isEqualTo(42L);
            assertThat(volume.dataVolume().unit()).isEqualTo("string");
            assertThat(volume.dataVolume().volume()).isEqualTo(42L);
            assertThat(volume.dataVolume().localVolume()).isEqualTo(42L);
            assertThat(volume.dataVolume().externalVolume()).isEqualTo(42L);
            assertThat(volume.dataVolume().consumptionType()).isEqualTo("string");
            assertThat(volume.globalConsumption()).isEqualTo(42L);
            assertThat(volume.globalConsumptionUnit()).isEqualTo("byte");
            assertThat(volume.totalLocalConsumption()).isEqualTo(42L);
            assertThat(volume.licenseHighWatermarkWithinMonth()).isEqualTo(42L);
            assertThat(volume.licenseHighWatermarkWithinMonthUnit()).isEqualTo("byte");
        } else if (body instanceof DefinitionUpdated definition) {
            assertThat(definition.license()).isEqualTo("string");
            assertThat(definition.parentLicense()).isEqualTo("string");
            assertThat(definition.capabilityBankId()).isEqualTo("string");
        } else if (body instanceof LeaseEvent lease) {
            assertThat(lease.name()).isEqualTo("amlDepModel1");
            assertThat(lease.size()).isEqualTo(4);
            assertThat(lease.excess()).isTrue();
            assertThat(lease.license()).isEqualTo("1234123412341234");
            assertThat(lease.resource()).startsWith("amlDepModel");
            assertThat(lease.createdAt()).isEqualTo(EXAMPLE_TIME);
            assertThat(lease.updatedAt()).isEqualTo(EXAMPLE_TIME);
            assertThat(lease.excessQuantity()).isEqualTo(42);
            assertThat(lease.leasedQuantity()).isEqualTo(42);
            assertThat(lease.licenseQuantity()).isEqualTo(42);
            assertThat(lease.licenseUnlimited()).isTrue();
            assertThat(lease.overCapacity()).isTrue();
            if (lease instanceof LeaseUpdated updated) {
                // Qlik's example leaves out oldValue and newValue
                assertThat(updated.updates()).containsExactly(new PropertyUpdate("string", null, null));
            }
        } else if (body instanceof TenantAssociated tenant) {
            assertThat(tenant.license()).isEqualTo("string");
            assertThat(tenant.parentLicense()).isEqualTo("string");
            assertThat(tenant.previousLicense()).isEqualTo("string");
            assertThat(tenant.capabilityBankId()).isEqualTo("string");
            assertThat(tenant.previousParentLicense()).isEqualTo("string");
        } else if (body instanceof LicensesPurged purged) {
            assertThat(purged.purgeId()).isEqualTo("purge-42");
            assertThat(purged.purgedCount()).isEqualTo(17);
            assertThat(purged.resourceType()).isEqualTo("assignment");
            assertThat(purged.success()).isTrue();
            assertThat(purged.errorMessage()).isNull();
        } else {
            throw new AssertionError("not an example type: " + body);
        }
    }
}
