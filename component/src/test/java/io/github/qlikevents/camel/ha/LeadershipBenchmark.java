package io.github.qlikevents.camel.ha;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.github.qlikevents.camel.cluster.JdbcClusterService;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import io.github.qlikevents.camel.support.ChildJvm;
import io.github.qlikevents.camel.support.DatabaseServer;
import io.github.qlikevents.camel.support.Progress;
import io.github.qlikevents.camel.support.TestSecrets;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.curator.test.TestingServer;
import org.h2.jdbcx.JdbcDataSource;

import static org.awaitility.Awaitility.await;

/**
 * The leadership figures of the benchmark suite: the hand-over time (the deliverer SIGKILLed to the first delivery by
 * another replica) with ZooKeeper and with {@link JdbcClusterService}, over repeated kills of two real replica
 * processes (the killed one started again as the standby each time); and the database load of JdbcClusterService at
 * its defaults, statements a minute per replica per namespace, for two replicas over 1, 60 and 500 namespaces.
 */
public final class LeadershipBenchmark {

    /** Leases (and the ZooKeeper session) of the hand-over runs, as in the failover tests. */
    private static final long LEASE_MILLIS = FailoverSequenceSupport.LEASE_MILLIS;
    private static final long DELAY_MILLIS = 100;

    private LeadershipBenchmark() {
    }

    /**
     * The leadership figures alone: {@code mvn -q test-compile exec:exec
     * -Drun.main=io.github.qlikevents.camel.ha.LeadershipBenchmark} in component/ (the suite runs them too).
     */
    public static void main(String[] args) throws Exception {
        System.out.println(handOver(Integer.getInteger("bench.kills", 10)));
        System.out.println(databaseLoad(List.of(1, 60, 500), JdbcClusterService.DEFAULT_LEASE_DURATION,
                Duration.ofSeconds(40), Duration.ofMinutes(2)));
    }

    /** Median and max hand-over over {@code kills} kills for each leadership, with the target lease + delay + 2 s. */
    public static List<Map<String, Object>> handOver(int kills) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (TestingServer zooKeeper = new TestingServer(true)) {
            rows.add(handOver("ZooKeeperClusterService", "zookeeper:" + zooKeeper.getConnectString(), kills));
        }
        rows.add(handOver("JdbcClusterService", "jdbc", kills));
        return rows;
    }

    private static Map<String, Object> handOver(String label, String leadership, int kills) throws Exception {
        Path shared = Files.createTempDirectory("qlik-handover");
        SandboxTenant tenant = SandboxTenant.builder().apiKey(TestSecrets.API_KEY)
                .history(100, Duration.ofMillis(100), Instant.now().minusSeconds(5)).start();
        List<Long> millis = new ArrayList<>();
        try (DatabaseServer database = DatabaseServer.start(DatabaseServer.Kind.H2, shared)) {
            tenant.publishEvery(Duration.ofMillis(50));
            ReplicaSet replicas = new ReplicaSet(shared, tenant.url(), TestSecrets.API_KEY, database.jdbcUrl(),
                    leadership, LEASE_MILLIS);
            replicas.start("a");
            replicas.start("b");
            for (int kill = 0; kill < kills; kill++) {
                long since = System.currentTimeMillis();
                await("a replica delivers").atMost(Progress.STALL).until(() -> replicas.latestDeliverer(since) != null);
                String victim = replicas.latestDeliverer(since);
                replicas.kill(victim);
                long killed = System.currentTimeMillis();
                await("another replica delivers").atMost(Progress.STALL)
                        .until(() -> replicas.firstDeliveryOutside(Set.of(victim), killed) != null);
                millis.add(replicas.firstDeliveryOutside(Set.of(victim), killed).atMillis() - killed);
                replicas.start(victim);
            }
        } finally {
            ChildJvm.destroyAll();
            tenant.close();
        }
        List<Long> sorted = millis.stream().sorted().toList();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("leadership", label);
        row.put("kills", kills);
        row.put("leaseMillis", LEASE_MILLIS);
        row.put("medianMillis", sorted.get(sorted.size() / 2));
        row.put("maxMillis", sorted.get(sorted.size() - 1));
        row.put("targetMillis", LEASE_MILLIS + DELAY_MILLIS + 2_000);
        return row;
    }

    /**
     * Two replicas of JdbcClusterService ({@code leaseDuration}, renewed every third of it: the default) for each
     * number of namespaces, all at once on databases of their own; statements each replica sends in {@code window}
     * after {@code warmUp}, per minute and namespace.
     */
    public static List<Map<String, Object>> databaseLoad(List<Integer> sizes, String leaseDuration, Duration warmUp,
                                                         Duration window)
            throws Exception {
        List<CamelContext> contexts = new ArrayList<>();
        Map<Integer, List<AtomicLong>> counters = new LinkedHashMap<>();
        try {
            for (int namespaces : sizes) {
                String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
                List<AtomicLong> perReplica = new ArrayList<>();
                for (String id : List.of("a", "b")) {
                    AtomicLong statements = new AtomicLong();
                    perReplica.add(statements);
                    JdbcClusterService service = new JdbcClusterService(counting(url, statements));
                    service.setId(id);
                    service.setLeaseDuration(leaseDuration);
                    CamelContext context = new DefaultCamelContext();
                    context.addService(service);
                    context.start();
                    contexts.add(context);
                    for (int n = 0; n < namespaces; n++) {
                        service.getView("tenant-" + n);
                    }
                }
                counters.put(namespaces, perReplica);
            }
            Thread.sleep(warmUp.toMillis());
            Map<Integer, long[]> before = snapshot(counters);
            Thread.sleep(window.toMillis());
            Map<Integer, long[]> after = snapshot(counters);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int namespaces : sizes) {
                double minutes = window.toMillis() / 60_000.0;
                double perReplica = (after.get(namespaces)[0] - before.get(namespaces)[0]
                                     + after.get(namespaces)[1] - before.get(namespaces)[1]) / 2.0 / minutes;
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("namespaces", namespaces);
                row.put("statementsPerMinutePerReplica", perReplica);
                row.put("statementsPerMinutePerReplicaPerNamespace", perReplica / namespaces);
                row.put("target", 12);
                rows.add(row);
            }
            return rows;
        } finally {
            contexts.forEach(CamelContext::stop);
        }
    }

    private static Map<Integer, long[]> snapshot(Map<Integer, List<AtomicLong>> counters) {
        Map<Integer, long[]> values = new LinkedHashMap<>();
        counters.forEach((size, list) -> values.put(size, list.stream().mapToLong(AtomicLong::get).toArray()));
        return values;
    }

    /** An H2 data source that counts the statements prepared on its connections. */
    private static DataSource counting(String url, AtomicLong statements) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        return (DataSource) Proxy.newProxyInstance(LeadershipBenchmark.class.getClassLoader(),
                new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
                    Object result = method.invoke(h2, args);
                    if (!(result instanceof Connection connection)) {
                        return result;
                    }
                    return Proxy.newProxyInstance(LeadershipBenchmark.class.getClassLoader(),
                            new Class<?>[] { Connection.class }, (c, m, a) -> {
                                if (Set.of("prepareStatement", "createStatement").contains(m.getName())) {
                                    statements.incrementAndGet();
                                }
                                return m.invoke(connection, a);
                            });
                });
    }
}
