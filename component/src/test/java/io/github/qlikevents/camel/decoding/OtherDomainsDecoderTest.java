package io.github.qlikevents.camel.decoding;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.qlikevents.camel.model.AutomationRunEnded;
import io.github.qlikevents.camel.model.BlockMetrics;
import io.github.qlikevents.camel.model.Channel;
import io.github.qlikevents.camel.model.IpPolicy;
import io.github.qlikevents.camel.model.IpPolicyEvent;
import io.github.qlikevents.camel.model.IpPolicyUpdated;
import io.github.qlikevents.camel.model.PropertyUpdate;
import io.github.qlikevents.camel.model.QlikEvent;
import io.github.qlikevents.camel.model.QlikEventType;
import io.github.qlikevents.camel.model.Role;
import io.github.qlikevents.camel.model.RoleCreated;
import io.github.qlikevents.camel.model.RoleDeleted;
import io.github.qlikevents.camel.model.RoleSynced;
import io.github.qlikevents.camel.model.RoleUpdated;
import io.github.qlikevents.camel.model.UnknownEvent;
import io.github.qlikevents.camel.model.WebIntegrationCreated;
import io.github.qlikevents.camel.model.WebIntegrationDeleted;
import io.github.qlikevents.camel.model.WebIntegrationUpdated;
import io.github.qlikevents.camel.support.Envelopes;
import io.github.qlikevents.camel.support.Envelopes.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The automations, roles, web integrations and IP policies events of Qlik's reference, and their bad inputs. */
class OtherDomainsDecoderTest {

    private static final String ROLE_ID = "507f191e810c19729de860ea";
    private static final String TENANT = "VZhiEfgW2bLd7HgR-jjzAh6VnicipweT";
    private static final String IP_POLICY = "com.qlik.core.ip-policy.updated";

    private final QlikEventDecoder decoder = QlikEventDecoder.getDefault();

    static Stream<Arguments> everyExampleInEveryEnvelope() {
        return Envelopes.inEveryEnvelope(Envelopes.OTHER_DOMAIN_EXAMPLE_TYPES);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyExampleInEveryEnvelope")
    void decodesEveryReferenceExampleInEveryEnvelope(String type, Shape shape) {
        ObjectNode example = Envelopes.example(type);

        DecodedEvent event = decoder.decode(Envelopes.wrap(example, shape));

        ExampleAssertions.assertTypeAndAttributes(event, type, example, shape);
        assertBodyMatchesExample(event.body());
    }

    @Test
    void bothGenerationsOfAnEventShareOneBodyTypeAndOnlyTheLegacyIsDeprecated() {
        for (String name : new String[] { "created", "deleted", "updated", "synced" }) {
            QlikEventType legacy = QlikEventType.forTypeName("com.qlik.v1.role." + name).orElseThrow();
            QlikEventType core = QlikEventType.forTypeName("com.qlik.core.role." + name).orElseThrow();
            assertThat(legacy.bodyClass()).isEqualTo(core.bodyClass());
            assertThat(legacy.deprecated()).isTrue();
            assertThat(core.deprecated()).isFalse();
            assertThat(legacy.channel()).isEqualTo(Channel.ROLES).isEqualTo(core.channel());
        }
        assertThat(QlikEventType.forTypeName("com.qlik.web-integration.updated").orElseThrow().bodyClass())
                .isEqualTo(WebIntegrationUpdated.class);
    }

    @Test
    void legacyWebIntegrationUpdatesWithPropertyArriveLikeTheCoreOnesWithPath() {
        WebIntegrationUpdated legacy = (WebIntegrationUpdated) decode("com.qlik.web-integration.updated");
        WebIntegrationUpdated core = (WebIntegrationUpdated) decode("com.qlik.core.web-integration.updated");

        assertThat(legacy.updates()).containsExactly(new PropertyUpdate("name", new TextNode("Web Integration 1"),
                new TextNode("Web Integration 2")));
        assertThat(legacy.name()).isNull();
        assertThat(legacy.validOrigins()).isEmpty();
        assertThat(core.updates()).containsExactly(new PropertyUpdate("/name", new TextNode("Web integration 1"),
                new TextNode("Web integration 2")));
        assertThat(core.validOrigins()).containsExactly("http://unicorn.com");
    }

    @Test
    void automationRunFillsTheNewFieldsFromTheDeprecatedOnesWhenOnlyThoseAreSent() {
        ObjectNode example = Envelopes.example("com.qlik.v1.automation.run.ended");
        ObjectNode data = (ObjectNode) example.get("data");
        data.remove("testRun");
        data.remove("archived");
        data.put("isTestRun", false).put("isArchived", true);

        AutomationRunEnded run = (AutomationRunEnded) decoder.decode(bytes(example)).body();

        assertThat(run.testRun()).isFalse();
        assertThat(run.archived()).isTrue();
    }

    @Test
    void anUnknownTypeOfAKnownDomainIsDeliveredAsUnknownAndBelongsToItsChannel() {
        ObjectNode example = Envelopes.example("com.qlik.core.role.created");
        example.put("type", "com.qlik.core.role.assigned");

        QlikEvent body = decoder.decode(bytes(example)).body();

        assertThat(body).isInstanceOf(UnknownEvent.class);
        assertThat(((UnknownEvent) body).data().path("name").asText()).isEqualTo("TenantAdmin");
        assertThat(Channel.ofType("com.qlik.core.role.assigned")).contains(Channel.ROLES);
        assertThat(Channel.ofType("com.qlik.v2.automation.run.started")).contains(Channel.AUTOMATIONS);
        assertThat(Channel.ofType("com.qlik.v1.user.created")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "id", "source", "specversion", "tenantid" })
    void everyDomainButLicensesRequiresTheFullEnvelope(String attribute) {
        for (String type : Envelopes.OTHER_DOMAIN_EXAMPLE_TYPES) {
            ObjectNode example = Envelopes.example(type);
            example.remove(attribute);

            QlikEventFormatException e = reject(example);

            assertThat(e.getField()).as(type).isEqualTo(attribute);
            assertThat(e).hasMessageContaining("required attribute is missing").hasMessageContaining(type)
                    .hasMessageContaining(attribute);
            if (!attribute.equals("id")) {
                assertThat(e).hasMessageContaining("A234-1234-1234");
            }
        }
    }

    @Test
    void theAuditItemOfAStrictDomainNeedsItsEventIdSourceAndTenant() {
        ObjectNode item = Envelopes.auditItem(Envelopes.example(IP_POLICY));
        item.remove("tenantId");

        QlikEventFormatException e = reject(item);

        assertThat(e.getField()).isEqualTo("tenantid");
        assertThat(e).hasMessageContaining("A234-1234-1234").hasMessageContaining(IP_POLICY);
    }

    @Test
    void anySpecVersionOneIsAcceptedAndOtherMajorsAreNot() {
        ObjectNode example = Envelopes.example(IP_POLICY);
        example.put("specversion", "1.0.2");
        assertThat(decoder.decode(bytes(example)).body()).isInstanceOf(IpPolicyUpdated.class);

        example.put("specversion", "2.0");
        QlikEventFormatException e = reject(example);

        assertThat(e.getField()).isEqualTo("specversion");
        assertThat(e).hasMessageContaining("'2.0'").hasMessageContaining("expected 1.x")
                .hasMessageContaining("A234-1234-1234").hasMessageContaining(IP_POLICY);
    }

    @Test
    void missingRequiredDataFieldsAreNamed() {
        assertMissing("com.qlik.core.role.created", "name", "data.name");
        assertMissing("com.qlik.v1.role.updated", "lastUpdatedAt", "data.lastUpdatedAt");
        assertMissing("com.qlik.core.ip-policy.created", "tenantId", "data.tenantId");
        assertMissing("com.qlik.web-integration.created", "validOrigins", "data.validOrigins");
        assertMissing("com.qlik.core.web-integration.deleted", "id", "data.id");
        assertMissing("com.qlik.web-integration.updated", "updates", "data._updates");

        ObjectNode synced = Envelopes.example("com.qlik.core.role.synced");
        ((ObjectNode) synced.get("data").get("roles").get(0)).remove("level");
        assertThat(reject(synced).getField()).isEqualTo("data.roles[0].level");

        ObjectNode ipUpdate = Envelopes.example(IP_POLICY);
        ((ObjectNode) ipUpdate.get("data").get("_updates").get(0)).remove("path");
        assertThat(reject(ipUpdate).getField()).isEqualTo("data._updates[0].path");
    }

    @Test
    void wrongJsonTypesAreNamed() {
        assertWrongType("com.qlik.v1.automation.run.ended", "totalApiCalls", new TextNode("many"),
                "data.totalApiCalls");
        assertWrongType("com.qlik.core.ip-policy.created", "enabled", new TextNode("yes"), "data.enabled");
        assertWrongType("com.qlik.core.role.created", "assignedScopes", new TextNode("scope.read"),
                "data.assignedScopes");
        assertWrongType("com.qlik.core.web-integration.created", "validOrigins", new IntNode(3),
                "data.validOrigins");
        assertWrongType("com.qlik.v1.automation.run.ended", "stopTime", new TextNode("yesterday"), "data.stopTime");
    }

    private void assertMissing(String type, String field, String reported) {
        ObjectNode example = Envelopes.example(type);
        ((ObjectNode) example.get("data")).remove(field);

        QlikEventFormatException e = reject(example);

        assertThat(e.getField()).as(type).isEqualTo(reported);
        assertThat(e).hasMessageContaining("required field is missing").hasMessageContaining(type)
                .hasMessageContaining("A234-1234-1234").hasMessageContaining(reported);
    }

    private void assertWrongType(String type, String field, com.fasterxml.jackson.databind.JsonNode value,
                                 String reported) {
        ObjectNode example = Envelopes.example(type);
        ((ObjectNode) example.get("data")).set(field, value);

        QlikEventFormatException e = reject(example);

        assertThat(e.getField()).as(type).isEqualTo(reported);
        assertThat(e).hasMessageContaining("wrong JSON type or value").hasMessageContaining(type)
                .hasMessageContaining("A234-1234-1234");
    }

    private QlikEvent decode(String type) {
        return decoder.decode(Envelopes.wrap(Envelopes.example(type), Shape.CLOUD_EVENT)).body();
    }

    private QlikEventFormatException reject(ObjectNode document) {
        return catchThrowableOfType(QlikEventFormatException.class, () -> decoder.decode(bytes(document)));
    }

    private static byte[] bytes(ObjectNode document) {
        return document.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Field values as Qlik's reference examples give them. */
    private static void assertBodyMatchesExample(QlikEvent body) {
        if (body instanceof AutomationRunEnded run) {
                assertThat(run.id()).isEqualTo("d452d100-9b0b-11ec-b199-8323e1031c3e");
                assertThat(run.status()).isEqualTo(AutomationRunEnded.EXCEEDED_LIMIT);
                assertThat(run.context()).isEqualTo("test_run");
                assertThat(run.metrics().blocks()).singleElement().satisfies(block -> {
                    assertThat(block.type()).isEqualTo("endpointBlock");
                    assertThat(block.rxBytes()).isEqualTo(18_329_921L);
                    assertThat(block.apiCalls()).isEqualTo(40L);
                    assertThat(block.connectorId()).isEqualTo("c35f4b70-3ce4-4a30-b62b-2aef16943bc4");
                });
                assertThat(run.metrics().network().rxBytes()).isZero();
                assertThat(run.metrics().totalApiCalls()).isZero();
                assertThat(run.ownerId()).isEqualTo("sWYAHxZxhtcmBT7Ptc5xJ5I6N7HxwnEy");
                assertThat(run.spaceId()).isEqualTo("68badd085f87029377ff60fa");
                assertThat(run.testRun()).isTrue();
                assertThat(run.archived()).isTrue();
                assertThat(run.billable()).isFalse();
                assertThat(run.stopTime()).isEqualTo(Instant.parse("2021-12-23T12:28:21Z"));
                assertThat(run.scheduledStartTime()).isEqualTo(Instant.parse("2021-12-23T12:28:21Z"));
                assertThat(run.executedById()).isEqualTo("sWYAHxZxhtcmBT7Ptc5xJ5I6N7HxwnEy");
                assertThat(run.blocks()).extracting(BlockMetrics::blockName, BlockMetrics::duration)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("SleepBlock", 1000L));
                assertThat(run.blocks().get(0).params().isArray()).isTrue();
                assertThat(run.totalApiCalls()).isEqualTo(42L);
                assertThat(run.automation()).isNull();
        } else if (body instanceof RoleCreated created) {
            assertRole(created.eventType(), created.role());
        } else if (body instanceof RoleDeleted deleted) {
                if (deleted.eventType().startsWith("com.qlik.v1")) {
                    assertThat(deleted.role().name()).isEqualTo("MyCustomRole");
                    assertThat(deleted.role().type()).isEqualTo("custom");
                    assertThat(deleted.role().fullUser()).isFalse();
                } else {
                    assertRole(deleted.eventType(), deleted.role());
                }
        } else if (body instanceof RoleUpdated updated) {
                assertRole(updated.eventType(), updated.role());
                assertThat(updated.updates()).containsExactly(new PropertyUpdate("/attributePath",
                        new TextNode("Dylan"), new TextNode("Dan")));
        } else if (body instanceof RoleSynced synced) {
            assertThat(synced.roles()).singleElement()
                    .satisfies(role -> assertRole(synced.eventType(), role));
        } else if (body instanceof WebIntegrationCreated created) {
                assertThat(created.id()).isEqualTo("id123");
                assertThat(created.name()).isIn("Api client 1", "Web integration 1");
                assertThat(created.validOrigins()).containsExactly("http://unicorn.com", "http://foo.example");
        } else if (body instanceof WebIntegrationDeleted deleted) {
            assertThat(deleted.id()).isEqualTo("id123");
        } else if (body instanceof WebIntegrationUpdated updated) {
                assertThat(updated.id()).isEqualTo("id123");
                assertThat(updated.updates()).singleElement().satisfies(update -> {
                    assertThat(update.path()).isIn("name", "/name");
                    assertThat(update.newValue().asText()).startsWith("Web ");
                });
        } else if (body instanceof IpPolicyEvent event) {
                IpPolicy policy = event.ipPolicy();
                assertThat(policy.id()).isEqualTo("5be59decca62aa00097268a4");
                assertThat(policy.name()).isEqualTo("Allow access from office IP addresses");
                assertThat(policy.enabled()).isTrue();
                assertThat(policy.tenantId()).isEqualTo(TENANT);
                assertThat(policy.createdAt()).isEqualTo(Instant.parse("2021-03-21T17:32:28Z"));
                assertThat(policy.allowedIps()).containsExactly("61.254.213.190/24",
                        "1dbd:f66e:4267:d665:2539:6062:efa0:2afe/128");
                assertThat(policy.toggleable()).isTrue();
                if (event instanceof IpPolicyUpdated updated) {
                    assertThat(updated.updates()).containsExactly(new PropertyUpdate(
                            "/userSessionInactivityTimeoutMinutes", new IntNode(60), new IntNode(30)));
                }
        } else {
            throw new AssertionError("not one of the four domains: " + body);
        }
    }

    private static void assertRole(String eventType, Role role) {
        boolean legacy = eventType.startsWith("com.qlik.v1.");
        assertThat(role.id()).isEqualTo(ROLE_ID);
        assertThat(role.name()).isEqualTo("TenantAdmin");
        assertThat(role.type()).isEqualTo("default");
        assertThat(role.level()).isEqualTo("admin");
        assertThat(role.canEdit()).isFalse();
        assertThat(role.fullUser()).isEqualTo(legacy ? Boolean.TRUE : null);
        assertThat(role.tenantId()).isEqualTo(TENANT);
        assertThat(role.createdAt()).isEqualTo(Instant.parse("2021-03-22T10:01:02Z"));
        assertThat(role.lastUpdatedAt()).isEqualTo(Instant.parse("2026-03-22T10:01:02Z"));
        assertThat(role.assignedScopes()).containsExactly("scope.read", "scope.update");
        assertThat(role.userEntitlementType()).isEqualTo(legacy ? "full" : "fullUser");
    }
}
