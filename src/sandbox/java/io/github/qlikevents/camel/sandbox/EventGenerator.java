package io.github.qlikevents.camel.sandbox;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.qlikevents.camel.model.LicenseEventType;

/** Realistic license events of every type, the same for the same seed and index. */
public final class EventGenerator {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final LicenseEventType[] TYPES = LicenseEventType.values();
    private static final String[] ASSIGNMENT_TYPES = { "professional", "analyzer", "analyzer_time" };
    private static final String[] RESOURCES = { "automl-deployment", "reload-capacity", "report-capacity" };

    private final long seed;
    private final String tenantId;

    public EventGenerator(long seed, String tenantId) {
        this.seed = seed;
        this.tenantId = tenantId;
    }

    /** Event number {@code index} of this generator, happening at {@code time}. */
    public SandboxEvent event(long index, Instant time) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        LicenseEventType type = TYPES[(int) (index % TYPES.length)];
        String eventId = new UUID(seed, index).toString();
        String userId = "user-" + random.nextInt(50);
        return new SandboxEvent(eventId, "audit-" + eventId, type.typeName(), time, tenantId, userId,
                data(type, random, userId, time));
    }

    private static ObjectNode data(LicenseEventType type, SplittableRandom random, String userId, Instant time) {
        String license = "9999" + (100_000_000_000L + random.nextInt(1_000_000));
        ObjectNode data = JSON.objectNode();
        switch (type) {
            case ASSIGNMENT_DELETED, ASSIGNMENT_UPDATED, ASSIGNMENT_REJECTED -> {
                data.put("type", ASSIGNMENT_TYPES[random.nextInt(ASSIGNMENT_TYPES.length)])
                        .put("origin", random.nextBoolean() ? "internal" : "external")
                        .put("license", license)
                        .put("subject", "auth0|" + userId);
                if (type == LicenseEventType.ASSIGNMENT_REJECTED) {
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
            default -> throw new IllegalStateException("no generator for " + type);
        }
        return data;
    }

    private static void lease(ObjectNode data, LicenseEventType type, SplittableRandom random, String license,
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
        if (type == LicenseEventType.LEASE_UPDATED) {
            ArrayNode updates = data.putArray("_updates");
            updates.addObject().put("path", "/leasedQuantity").put("oldValue", Math.max(0, leased - 1))
                    .put("newValue", leased);
            updates.addObject().put("path", "/excess").put("oldValue", false).put("newValue", excess);
        }
    }
}
