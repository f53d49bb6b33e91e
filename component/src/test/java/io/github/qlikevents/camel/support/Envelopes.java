package io.github.qlikevents.camel.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.provider.Arguments;

/** Test fixtures: Qlik's reference examples, and the same event rewrapped in the other two envelopes. */
public final class Envelopes {

    /** The envelope shapes Qlik delivers an event in. */
    public enum Shape {
        CLOUD_EVENT,
        AUDIT_ITEM,
        LEGACY_WEBHOOK
    }

    /** Every type of the other four domains with an example in src/test/resources/examples (Qlik's reference). */
    public static final List<String> OTHER_DOMAIN_EXAMPLE_TYPES = List.of(
            "com.qlik.v1.automation.run.ended",
            "com.qlik.v1.role.created",
            "com.qlik.v1.role.deleted",
            "com.qlik.v1.role.updated",
            "com.qlik.v1.role.synced",
            "com.qlik.core.role.created",
            "com.qlik.core.role.deleted",
            "com.qlik.core.role.updated",
            "com.qlik.core.role.synced",
            "com.qlik.web-integration.created",
            "com.qlik.web-integration.deleted",
            "com.qlik.web-integration.updated",
            "com.qlik.core.web-integration.created",
            "com.qlik.core.web-integration.deleted",
            "com.qlik.core.web-integration.updated",
            "com.qlik.core.ip-policy.created",
            "com.qlik.core.ip-policy.deleted",
            "com.qlik.core.ip-policy.updated");

    /** Every license type with an example in src/test/resources/examples. */
    public static final List<String> EXAMPLE_TYPES = List.of(
            "com.qlik.license.assignment.deleted",
            "com.qlik.license.assignment.rejected",
            "com.qlik.license.assignment.updated",
            "com.qlik.license.data.volume.consumption.aggregated",
            "com.qlik.license.definition.updated",
            "com.qlik.v1.license.lease.created",
            "com.qlik.v1.license.lease.deleted",
            "com.qlik.v1.license.lease.updated",
            "com.qlik.v1.license.tenant.associated",
            "com.qlik.v1.licenses.purged");

    /** The owner an Audits API item names in its extensions (Qlik adds it to license events there). */
    public static final String AUDIT_ITEM_OWNER = "owner-1";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Envelopes() {
    }

    /** Each type in each envelope: the arguments of a parameterized test. */
    public static Stream<Arguments> inEveryEnvelope(List<String> types) {
        return types.stream().flatMap(type -> Stream.of(Shape.values()).map(shape -> Arguments.of(type, shape)));
    }

    /** The CloudEvents 1.0 example of a type, as Qlik's reference gives it. */
    public static ObjectNode example(String type) {
        try (InputStream in = Envelopes.class.getResourceAsStream("/examples/" + type + ".json")) {
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event in the given envelope, as bytes. */
    public static byte[] wrap(ObjectNode cloudEvent, Shape shape) {
        ObjectNode document = switch (shape) {
            case CLOUD_EVENT -> cloudEvent;
            case AUDIT_ITEM -> auditItem(cloudEvent);
            case LEGACY_WEBHOOK -> legacyWebhook(cloudEvent);
        };
        return document.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An Audits API list item: eventId, eventType, eventTime, tenantId, userId, extensions, audit id, links. */
    public static ObjectNode auditItem(ObjectNode ce) {
        ObjectNode item = MAPPER.createObjectNode();
        item.put("id", "audit-" + text(ce, "id"));
        item.set("eventId", ce.get("id"));
        item.set("eventType", ce.get("type"));
        item.put("eventTypeVersion", "1.0.0");
        item.set("eventTime", ce.get("time"));
        item.set("source", ce.get("source"));
        item.set("contentType", ce.get("datacontenttype"));
        item.set("tenantId", ce.get("tenantid"));
        item.set("userId", ce.get("userid"));
        ObjectNode extensions = item.putObject("extensions");
        extensions.putObject("actor").put("sub", "user-sub").put("subType", "user");
        extensions.put("ownerId", ce.hasNonNull("ownerid") ? ce.get("ownerid").asText() : AUDIT_ITEM_OWNER);
        copy(ce, "spaceid", extensions, "spaceId");
        copy(ce, "toplevelresourceid", extensions, "topLevelResourceId");
        copy(ce, "sessionid", extensions, "sessionId");
        copy(ce, "authtype", extensions, "authType");
        copy(ce, "authclaims", extensions, "authClaims");
        copy(ce, "traceparent", extensions, "traceparent");
        copy(ce, "tracestate", extensions, "tracestate");
        item.set("data", ce.get("data"));
        item.putObject("links").putObject("self").put("href", "https://tenant/api/v1/audits/x");
        return stripNulls(item);
    }

    /** A legacy (CloudEvents 0.1 style) webhook body with Qlik's extensions under extensions. */
    public static ObjectNode legacyWebhook(ObjectNode ce) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("cloudEventsVersion", "0.1");
        body.set("source", ce.get("source"));
        body.set("contentType", ce.get("datacontenttype"));
        body.set("eventId", ce.get("id"));
        body.set("eventTime", ce.get("time"));
        body.put("eventTypeVersion", "1.0.0");
        body.set("eventType", ce.get("type"));
        ObjectNode extensions = body.putObject("extensions");
        copy(ce, "tenantid", extensions, "tenantId");
        copy(ce, "userid", extensions, "userId");
        copy(ce, "ownerid", extensions, "ownerId");
        copy(ce, "spaceid", extensions, "spaceId");
        copy(ce, "toplevelresourceid", extensions, "topLevelResourceId");
        copy(ce, "sessionid", extensions, "sessionId");
        copy(ce, "authtype", extensions, "authtype");
        copy(ce, "authclaims", extensions, "authclaims");
        copy(ce, "traceparent", extensions, "traceparent");
        copy(ce, "tracestate", extensions, "tracestate");
        body.set("data", ce.get("data"));
        return stripNulls(body);
    }

    private static void copy(ObjectNode from, String name, ObjectNode to, String as) {
        if (from.hasNonNull(name)) {
            to.set(as, from.get(name));
        }
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).asText();
    }

    private static ObjectNode stripNulls(ObjectNode node) {
        node.properties().removeIf(e -> e.getValue() == null || e.getValue().isNull());
        return node;
    }
}
