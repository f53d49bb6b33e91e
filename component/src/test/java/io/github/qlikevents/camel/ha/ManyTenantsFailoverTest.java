package io.github.qlikevents.camel.ha;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.qlikevents.camel.ha.ReplicaSet.Delivery;
import io.github.qlikevents.camel.reliability.ReliabilityReport;
import io.github.qlikevents.camel.sandbox.SandboxEvent;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import io.github.qlikevents.camel.support.ChildJvm;
import io.github.qlikevents.camel.support.DatabaseServer;
import io.github.qlikevents.camel.support.Progress;
import io.github.qlikevents.camel.support.TestSecrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three replicas (real processes, their connections pooled) over 60 tenants (other sizes with
 * {@code -Dfailover.tenants}, {@code .delay}, {@code .publish} and {@code .lease}, in milliseconds; the README gives
 * the 2,000-tenant run), one route and one {@code master:} namespace per tenant, leadership from the position database
 * alone ({@link io.github.qlikevents.camel.cluster.JdbcClusterService}, 6 s leases by default), positions in an H2
 * server, every tenant publishing (100 events a second in all by default): leadership is spread over all three (none
 * leads more than its share, a third, plus one), the replica leading the most tenants is killed, and every one of its
 * tenants is delivered again by another replica within lease + delay + 10 s; nothing is lost.
 */
class ManyTenantsFailoverTest {

    private static final int TENANTS = Integer.getInteger("failover.tenants", 60);
    /** The replicas' poll delay. */
    private static final long DELAY_MILLIS = Long.getLong("failover.delay", 100);
    /** How often each tenant publishes an event: all together 100 a second by default. */
    private static final Duration PUBLISH_EVERY = Duration.ofMillis(Long.getLong("failover.publish",
            Math.max(500, TENANTS * 10L)));
    /** The leases of leadership and positions. */
    private static final long LEASE_MILLIS = Long.getLong("failover.lease", 6_000);
    /** Lease + delay + 10 s. */
    private static final Duration TAKE_OVER_LIMIT = Duration.ofMillis(LEASE_MILLIS + DELAY_MILLIS + 10_000);
    /** The most tenants one replica may lead once leadership settled: ceil(tenants / 3) + 1. */
    private static final int SHARE = (TENANTS + 2) / 3 + 1;
    /** Deliveries within this window before now tell who leads a tenant now: each tenant delivers one in it. */
    private static final long RECENT_MILLIS = 3_000 + PUBLISH_EVERY.toMillis() + DELAY_MILLIS;
    private static final int PAGE = 100;

    @TempDir
    Path shared;
    private final List<SandboxTenant> tenants = new ArrayList<>();
    private DatabaseServer database;

    @AfterEach
    void stopAll() throws Exception {
        ChildJvm.destroyAll();
        tenants.forEach(SandboxTenant::close);
        if (database != null) {
            database.close();
        }
    }

    @Test
    void leadershipIsSpreadAndEveryTenantOfAKilledReplicaIsPolledAgainWithinTheLimit() throws Exception {
        StringBuilder urls = new StringBuilder();
        for (int i = 0; i < TENANTS; i++) {
            SandboxTenant tenant = SandboxTenant.builder().seed(i).threads(1).apiKey(TestSecrets.API_KEY)
                    .history(20, Duration.ofSeconds(1), Instant.now().minusSeconds(5)).start();
            tenants.add(tenant);
            urls.append(tenant.url()).append('\n');
        }
        Path tenantsFile = Files.writeString(shared.resolve("tenants.txt"), urls);
        database = DatabaseServer.start(DatabaseServer.Kind.H2, shared);
        ReplicaSet replicas = new ReplicaSet(shared, tenants.get(0).url(), TestSecrets.API_KEY, database.jdbcUrl(),
                "jdbc", LEASE_MILLIS);
        List<String> names = List.of("a", "b", "c");
        for (String name : names) {
            replicas.launch(name, tenantsFile.toString(), TENANTS, DELAY_MILLIS);
        }
        names.forEach(replicas::awaitStarted);
        tenants.forEach(tenant -> tenant.publishEvery(PUBLISH_EVERY));
        Progress.awaitCount("tenants delivered", () -> leaders(replicas, names, 0).size(), TENANTS);
        await("leadership spread over the three replicas, none above its share").atMost(Progress.STALL)
                .untilAsserted(() -> assertSpread(leaders(replicas, names,
                        System.currentTimeMillis() - RECENT_MILLIS)));

        Map<String, String> leaders = leaders(replicas, names, System.currentTimeMillis() - RECENT_MILLIS);
        String victim = names.stream().max((x, y) -> Long.compare(count(leaders, x), count(leaders, y))).orElseThrow();
        Set<String> orphans = leaders.entrySet().stream().filter(e -> e.getValue().equals(victim))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        replicas.kill(victim);
        long killed = System.currentTimeMillis();
        Progress.awaitCount("tenants of " + victim + " delivered by another replica",
                () -> takenOver(replicas, names, victim, orphans, killed).size(), orphans.size());

        Map<String, Long> takeOverMillis = takenOver(replicas, names, victim, orphans, killed);
        tenants.forEach(SandboxTenant::stopPublishing);
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < TENANTS; i++) {
            for (SandboxEvent event : tenants.get(i).feed().snapshot()) {
                expected.add("tenant-" + i + "/" + event.eventId());
            }
        }
        Progress.awaitCount("distinct events delivered", () -> replicas.distinctIds().size(), expected.size());

        assertThat(replicas.distinctIds()).isEqualTo(expected);
        long duplicated = replicas.deliveryCount() - expected.size();
        long slowest = takeOverMillis.values().stream().mapToLong(Long::longValue).max().orElse(0);
        String spread = names.stream().map(name -> name + " " + count(leaders, name)).collect(Collectors.joining(", "));
        ReliabilityReport.record(TENANTS + " tenants on 3 replicas, JdbcClusterService (led: " + spread + "), " + victim
                                 + " killed: slowest take-over " + slowest + " ms (limit " + TAKE_OVER_LIMIT.toMillis()
                                 + " ms; lease " + LEASE_MILLIS + " ms)",
                expected.size(), expected.size(), duplicated, 0);
        assertThat(takeOverMillis).as("ms from the kill to each tenant's next delivery by another replica")
                .allSatisfy((tenant, millis) -> assertThat(millis).isLessThanOrEqualTo(TAKE_OVER_LIMIT.toMillis()));
        assertThat(duplicated).as("delivered twice: at most a page per tenant taken over")
                .isLessThanOrEqualTo((long) PAGE * orphans.size());
    }

    /** Every tenant led, by all three replicas, none above its share. */
    private static void assertSpread(Map<String, String> leaders) {
        String spread = List.of("a", "b", "c").stream().map(name -> name + " " + count(leaders, name))
                .collect(Collectors.joining(", "));
        assertThat(leaders.size()).as("tenants delivered in the last %d ms (%s)", RECENT_MILLIS, spread)
                .isEqualTo(TENANTS);
        assertThat(List.of("a", "b", "c")).as("replicas leading between 1 and %d tenants (%s)", SHARE, spread)
                .allSatisfy(name -> assertThat(count(leaders, name)).isBetween(1L, (long) SHARE));
    }

    /** The replica that delivered each tenant's latest event at or after {@code since}. */
    private static Map<String, String> leaders(ReplicaSet replicas, List<String> names, long since) {
        Map<String, Delivery> latest = new HashMap<>();
        Map<String, String> leaders = new HashMap<>();
        for (String name : names) {
            for (Delivery delivery : replicas.deliveries(name)) {
                String tenant = delivery.id().substring(0, delivery.id().indexOf('/'));
                Delivery before = latest.get(tenant);
                if (delivery.atMillis() >= since && (before == null || delivery.atMillis() >= before.atMillis())) {
                    latest.put(tenant, delivery);
                    leaders.put(tenant, name);
                }
            }
        }
        return leaders;
    }

    /** For each orphaned tenant another replica delivered since the kill: ms from the kill to that delivery. */
    private static Map<String, Long> takenOver(ReplicaSet replicas, List<String> names, String victim,
                                               Set<String> orphans, long killed) {
        Map<String, Long> millis = new HashMap<>();
        for (String name : names) {
            if (name.equals(victim)) {
                continue;
            }
            for (Delivery delivery : replicas.deliveries(name)) {
                String tenant = delivery.id().substring(0, delivery.id().indexOf('/'));
                if (orphans.contains(tenant) && delivery.atMillis() >= killed) {
                    millis.merge(tenant, delivery.atMillis() - killed, Math::min);
                }
            }
        }
        return millis;
    }

    private static long count(Map<String, String> leaders, String name) {
        return leaders.values().stream().filter(name::equals).count();
    }
}
