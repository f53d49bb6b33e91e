package io.github.qlikevents.camel.sandbox;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.qlikevents.camel.model.Channel;
import io.github.qlikevents.camel.model.QlikEventType;

/**
 * Realistic events of every type of the chosen channels (licenses unless told), the same for the same seed and index,
 * with Qlik's quirks: null dates, {@code _updates} values of every JSON type, {@code updates} of {@code property} in
 * legacy web integration events, specversion 1.0.2 for automations.
 */
public final class EventGenerator {

    /** The source Qlik's example gives web integration events, which have no published one. */
    static final String WEB_INTEGRATION_SOURCE = "com.qlik/tenants";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String[] ASSIGNMENT_TYPES = { "professional", "analyzer", "analyzer_time" };
    private static final String[] RESOURCES = { "automl-deployment", "reload-capacity", "report-capacity" };
    private static final String[] RUN_STATUSES = { "finished", "finished", "finished", "failed", "exceeded limit",
            "finished with warnings" };
    private static final String[] RUN_CONTEXTS = { "editor", "api_sync", "webhook", "detail", "test_run" };
    private static final String[] ROLE_NAMES = { "TenantAdmin", "AnalyticsAdmin", "DataSteward", "AuditReader" };
    private static final String[] ORIGINS = { "https://portal.example.com", "https://intranet.example.org",
            "https://reports.example.net" };

    private final long seed;
    private final String tenantId;
    private final QlikEventType[] types;

    /** License events only. */
    public EventGenerator(long seed, String tenantId) {
        this(seed, tenantId, EnumSet.of(Channel.LICENSES));
    }

    /** Events of every type of these channels, in turn. */
    public EventGenerator(long seed, String tenantId, Set<Channel> channels) {
        this.seed = seed;
        this.tenantId = tenantId;
        this.types = Arrays.stream(QlikEventType.values()).filter(type -> channels.contains(type.channel()))
                .toArray(QlikEventType[]::new);
    }

    /** The Audits API source of an event type, as the sandbox publishes it. */
    static String sourceOf(String typeName) {
        return Channel.ofType(typeName).map(EventGenerator::sourceOf).orElse("com.qlik/unknown");
    }

    /** The Audits API source of a channel's events, as the sandbox publishes them. */
    static String sourceOf(Channel channel) {
        return channel == Channel.WEB_INTEGRATIONS ? WEB_INTEGRATION_SOURCE : channel.source();
    }

    /** The types of the events this generator makes. */
    List<String> typeNames() {
        return Arrays.stream(types).map(QlikEventType::typeName).toList();
    }

    /** The sources of the events this generator makes. */
    List<String> sources() {
        return Arrays.stream(types).map(QlikEventType::channel).distinct().map(EventGenerator::sourceOf).toList();
    }

    /** Event number {@code index} of this generator, happening at {@code time}. */
    public SandboxEvent event(long index, Instant time) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        QlikEventType type = types[(int) (index % types.length)];
        String eventId = new UUID(seed, index).toString();
        String userId = "user-" + random.nextInt(50);
        return new SandboxEvent(eventId, "audit-" + eventId, type.typeName(), time, tenantId, userId,
                data(type, random, userId, time, tenantId));
    }

    private static ObjectNode data(QlikEventType type, SplittableRandom random, String userId, Instant time,
                                   String tenantId) {
        String license = "9999" + (100_000_000_000L + random.nextInt(1_000_000));
        ObjectNode data = JSON.objectNode();
        switch (type) {
            case ASSIGNMENT_DELETED, ASSIGNMENT_UPDATED, ASSIGNMENT_REJECTED -> {
                data.put("type", ASSIGNMENT_TYPES[random.nextInt(ASSIGNMENT_TYPES.length)])
                        .put("origin", random.nextBoolean() ? "internal" : "external")
                        .put("license", license)
                        .put("subject", "auth0|" + userId);
                if (type == QlikEventType.ASSIGNMENT_REJECTED) {
                    data.put("message", "No available assignments of this type");
                }
            }
            case DATA_VOLUME_CONSUMPTION_AGGREGATED -> {
                long local = random.nextLong(1L << 34);
                long external = random.nextLong(1L << 32);
                data.put("total", local + external);
                data.putObject("dataVolume").put("unit", "byte").put("volume", local + external)
                        .put("localVolume", local).put("externalVolume", external)
                        .put("consumptionType", "capacity");
                data.put("globalConsumption", local + external).put("globalConsumptionUnit", "byte")
                        .put("totalLocalConsumption", local)
                        .put("licenseHighWatermarkWithinMonth", local + external)
                        .put("licenseHighWatermarkWithinMonthUnit", "byte");
            }
            case DEFINITION_UPDATED -> data.put("license", license).put("parentLicense", "9999000000000001")
                    .put("capabilityBankId", "bank-" + random.nextInt(10));
            case LEASE_CREATED, LEASE_DELETED, LEASE_UPDATED -> lease(data, type, random, license, time);
            case TENANT_ASSOCIATED -> data.put("license", license).put("parentLicense", "9999000000000001")
                    .put("previousLicense", "9999" + (100_000_000_000L + random.nextInt(1_000_000)))
                    .put("capabilityBankId", "bank-" + random.nextInt(10));
            case LICENSES_PURGED -> data.put("purgeId", "purge-" + random.nextInt(1000))
                    .put("purgedCount", random.nextInt(3) == 0 ? 0 : random.nextInt(500))
                    .put("resourceType", "assignment").put("success", true).putNull("errorMessage");
            case AUTOMATION_RUN_ENDED -> automationRun(data, random, userId, time);
            case ROLE_CREATED, ROLE_DELETED, LEGACY_ROLE_CREATED, LEGACY_ROLE_DELETED ->
                role(data, type, random, userId, time, tenantId);
            case ROLE_UPDATED, LEGACY_ROLE_UPDATED -> {
                role(data, type, random, userId, time, tenantId);
                ArrayNode updates = data.putArray("_updates");
                updates.addObject().put("path", "/description").put("oldValue", "Old text").put("newValue",
                        "Reviewed " + time);
                ArrayNode scopes = JSON.arrayNode().add("scope.read").add("scope.update");
                updates.addObject().put("path", "/assignedScopes").set("newValue", scopes);
                ((ObjectNode) updates.get(1)).set("oldValue", JSON.arrayNode().add("scope.read"));
                updates.addObject().put("path", "/canDelete").put("oldValue", false).put("newValue", true);
                updates.addObject().put("path", "/userEntitlementType").putNull("oldValue").put("newValue",
                        "fullUser");
            }
            case ROLE_SYNCED, LEGACY_ROLE_SYNCED -> {
                ArrayNode roles = data.putArray("roles");
                role(roles.addObject(), type, random, userId, time, tenantId);
                role(roles.addObject(), type, random, userId, time, tenantId);
            }
            case WEB_INTEGRATION_CREATED, LEGACY_WEB_INTEGRATION_CREATED -> webIntegration(data, random)
                    .set("validOrigins", origins(random));
            case WEB_INTEGRATION_DELETED, LEGACY_WEB_INTEGRATION_DELETED -> data.put("id", webIntegrationId(random));
            case WEB_INTEGRATION_UPDATED -> {
                webIntegration(data, random).set("validOrigins", origins(random));
                ArrayNode updates = data.putArray("_updates");
                updates.addObject().put("path", "/validOrigins").set("newValue", data.get("validOrigins"));
                ((ObjectNode) updates.get(0)).set("oldValue", JSON.arrayNode().add(ORIGINS[0]));
            }
            case LEGACY_WEB_INTEGRATION_UPDATED -> {
                data.put("id", webIntegrationId(random));
                data.putArray("updates").addObject().put("property", "name").put("oldValue", "Portal")
                        .put("newValue", "Portal " + random.nextInt(100));
            }
            case IP_POLICY_CREATED, IP_POLICY_DELETED -> ipPolicy(data, random, userId, time, tenantId);
            case IP_POLICY_UPDATED -> {
                ipPolicy(data, random, userId, time, tenantId);
                ArrayNode updates = data.putArray("_updates");
                updates.addObject().put("path", "/enabled").put("oldValue", false).put("newValue", true);
                updates.addObject().put("path", "/allowedIps").set("newValue", data.get("allowedIps"));
                ((ObjectNode) updates.get(1)).set("oldValue", JSON.arrayNode().add("10.0.0.0/8"));
            }
            default -> throw new IllegalStateException("no generator for " + type);
        }
        return data;
    }

    private static void automationRun(ObjectNode data, SplittableRandom random, String userId, Instant time) {
        String status = RUN_STATUSES[random.nextInt(RUN_STATUSES.length)];
        boolean testRun = random.nextInt(10) == 0;
        long rx = random.nextLong(50_000_000L);
        long tx = random.nextLong(5_000_000L);
        int apiCalls = random.nextInt(200);
        // Qlik writes microseconds in automation times
        String stop = time.truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString();
        String start = time.minusSeconds(5 + random.nextInt(600)).toString();
        data.put("id", new UUID(random.nextLong(), random.nextLong()).toString())
                .put("title", "Nightly sync " + random.nextInt(20))
                .put("status", status)
                .put("context", RUN_CONTEXTS[random.nextInt(RUN_CONTEXTS.length)]);
        ObjectNode metrics = data.putObject("metrics");
        metrics.putArray("blocks").addObject().put("type", "endpointBlock").put("rxBytes", rx).put("txBytes", tx)
                .put("apiCalls", apiCalls).put("endpointId", "c35f4b70-3ce4-4a30-b62b-2aef16943bc4")
                .put("connectorId", "0b8e3e6a-91a4-4c2e-9d0c-5d0b3b0f6f51");
        metrics.putObject("network").put("rxBytes", rx).put("txBytes", tx);
        metrics.put("totalApiCalls", apiCalls);
        data.put("ownerId", userId).put("spaceId", random.nextBoolean() ? "" : "68badd085f87029377ff60fa")
                .put("testRun", testRun).put("archived", false).put("billable", random.nextBoolean())
                .put("stopTime", stop).put("createdAt", start).put("isTestRun", testRun).put("startTime", start)
                .put("updatedAt", stop).put("isArchived", false).put("executedById", userId)
                .put("scheduledStartTime", start);
        data.putArray("blocks").addObject().put("type", "baseBlock").put("blockName", "SleepBlock")
                .put("duration", 1000).put("rxBytes", 0).put("txBytes", 0).putArray("params");
        data.putObject("network").put("rxBytes", rx).put("txBytes", tx);
        data.put("totalApiCalls", apiCalls);
    }

    private static void role(ObjectNode data, QlikEventType type, SplittableRandom random, String userId,
                             Instant time, String tenantId) {
        boolean custom = random.nextBoolean();
        data.put("id", String.format("%024x", random.nextLong() & Long.MAX_VALUE))
                .put("name", custom ? "Custom" + random.nextInt(100) : ROLE_NAMES[random.nextInt(ROLE_NAMES.length)])
                .put("type", custom ? "custom" : "default")
                .put("level", random.nextBoolean() ? "admin" : "user")
                .put("canEdit", custom)
                .put("tenantId", tenantId)
                .put("canDelete", custom)
                .put("createdAt", time.minusSeconds(86_400L * random.nextInt(400)).toString())
                .put("createdBy", userId)
                .put("updatedBy", userId)
                .put("description", custom ? "Custom role" : "Built-in role")
                .put("lastUpdatedAt", time.toString())
                .put("userEntitlementType", "fullUser");
        data.putArray("assignedScopes").add("scope.read");
        if (type.deprecated()) {
            data.put("fullUser", true);
        }
    }

    private static ObjectNode webIntegration(ObjectNode data, SplittableRandom random) {
        return data.put("id", webIntegrationId(random)).put("name", "Portal " + random.nextInt(100));
    }

    private static String webIntegrationId(SplittableRandom random) {
        return "wi-" + random.nextInt(1000);
    }

    private static ArrayNode origins(SplittableRandom random) {
        ArrayNode origins = JSON.arrayNode();
        for (int i = 0; i <= random.nextInt(ORIGINS.length); i++) {
            origins.add(ORIGINS[i]);
        }
        return origins;
    }

    private static void ipPolicy(ObjectNode data, SplittableRandom random, String userId, Instant time,
                                 String tenantId) {
        data.put("id", String.format("%024x", random.nextLong() & Long.MAX_VALUE))
                .put("name", "Allow office " + random.nextInt(10))
                .put("enabled", true).put("editable", true).put("tenantId", tenantId)
                .put("createdAt", time.minusSeconds(86_400).toString()).put("createdBy", userId)
                .put("deletable", true).put("updatedAt", time.toString()).put("updatedBy", userId)
                .put("toggleable", true);
        data.putArray("allowedIps").add("61.254.213." + random.nextInt(256) + "/24")
                .add("1dbd:f66e:4267:d665:2539:6062:efa0:2afe/128");
    }

    private static void lease(ObjectNode data, QlikEventType type, SplittableRandom random, String license,
                              Instant time) {
        long licenseQuantity = 10 + random.nextInt(40);
        long leased = random.nextLong(licenseQuantity + 8);
        boolean excess = leased > licenseQuantity;
        data.put("name", RESOURCES[random.nextInt(RESOURCES.length)] + "-" + random.nextInt(1000))
                .put("size", 1 + random.nextInt(8))
                .put("excess", excess)
                .put("license", license)
                .put("resource", RESOURCES[random.nextInt(RESOURCES.length)]);
        if (random.nextInt(5) == 0) {
            data.putNull("createdAt");
        } else {
            data.put("createdAt", time.minusSeconds(3600L * random.nextInt(48)).toString());
        }
        data.put("updatedAt", time.toString())
                .put("excessQuantity", Math.max(0, leased - licenseQuantity))
                .put("leasedQuantity", leased)
                .put("licenseQuantity", licenseQuantity)
                .put("licenseUnlimited", false);
        if (type == QlikEventType.LEASE_UPDATED) {
            ArrayNode updates = data.putArray("_updates");
            updates.addObject().put("path", "/leasedQuantity").put("oldValue", Math.max(0, leased - 1))
                    .put("newValue", leased);
            updates.addObject().put("path", "/excess").put("oldValue", false).put("newValue", excess);
        }
    }
}
