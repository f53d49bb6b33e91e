package io.github.qlikevents.camel.ha;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.github.qlikevents.camel.QlikLicenseEventsComponent;
import io.github.qlikevents.camel.QlikLicenseEventsConstants;
import io.github.qlikevents.camel.reliability.ReliabilityReport;
import io.github.qlikevents.camel.sandbox.SandboxEvent;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import io.github.qlikevents.camel.state.JdbcStateRepository;
import io.github.qlikevents.camel.support.Progress;
import io.github.qlikevents.camel.support.SandboxTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.component.kubernetes.cluster.LeaseResourceType;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.cluster.RebalancingCamelClusterService;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Leadership from Kubernetes Leases (camel-kubernetes' KubernetesClusterService) against the fabric8 mock API
 * server in CRUD mode, as Camel's own cluster tests do: three replicas (Camel contexts) with their pods, the positions
 * in a JdbcStateRepository, one {@code master:} namespace per tenant. Only the leader of a tenant delivers it; when a
 * replica's pod goes away and it stops, others take over where it left off; nothing is lost. With
 * RebalancingCamelClusterService the tenants' leadership spreads over the replicas.
 */
class KubernetesLeaseFailoverTest extends SandboxTestSupport {

    private static final String NAMESPACE = "qlik";
    private static final int TENANTS = 12;
    private static final int PAGE = 50;
    private static final String MASTER_PROPERTY = "kubernetes.master";
    private static final String NAMESPACE_PROPERTY = "kubernetes.namespace";
    private static final Map<String, String> LABELS = Map.of("app", "qlik-events");

    /** The mock server logs each request at INFO (java.util.logging): warnings only; held, JUL keeps loggers weakly. */
    private static final java.util.logging.Logger MOCK_SERVER_LOG = quiet("io.fabric8.mockwebserver");

    private final KubernetesMockServer kubernetes = new KubernetesMockServer(new Context(), new MockWebServer(),
            new HashMap<>(), new KubernetesCrudDispatcher(), false);
    private final Map<String, CamelContext> replicas = new LinkedHashMap<>();
    private final Map<String, List<String>> delivered = new ConcurrentHashMap<>();
    private JdbcStateRepository positions;
    private NamespacedKubernetesClient client;

    @AfterEach
    void stopReplicas() {
        replicas.values().forEach(CamelContext::stop);
        kubernetes.destroy();
        System.clearProperty(MASTER_PROPERTY);
        System.clearProperty(NAMESPACE_PROPERTY);
    }

    @Test
    void onlyTheLeaseHolderDeliversAndAnotherTakesOverWhenItsPodGoes() throws Exception {
        startSandbox(1_000);
        List<String> tenants = List.of(sandbox.url());
        startKubernetes();

        start("a", tenants, false);
        Progress.awaitCount("delivered by a", () -> delivered("a"), 300);
        start("b", tenants, false);
        start("c", tenants, false);
        long before = delivered("a");
        Progress.awaitCount("delivered by a beside b and c", () -> delivered("a"), Math.min(before + 100, 1_000));
        assertThat(delivered("b") + delivered("c")).as("deliveries by the replicas without the lease").isZero();

        stop("a");
        Progress.awaitCount("distinct events delivered", () -> distinct().size(), 1_000);

        assertThat(distinct()).isEqualTo(expected(List.of(sandbox)));
        assertThat(delivered("b") + delivered("c")).as("delivered after the hand-over").isPositive();
        assertThat(delivered("b") == 0 || delivered("c") == 0).as("one of b and c took over, not both").isTrue();
        long duplicated = delivered("a") + delivered("b") + delivered("c") - 1_000;
        assertThat(duplicated).as("delivered twice at the hand-over: at most a page").isLessThanOrEqualTo(PAGE);
    }

    @Test
    void rebalancingSpreadsTenantsOverTheReplicasAndTheRestTakeOverFromOneThatGoes() throws Exception {
        List<SandboxTenant> sandboxes = new ArrayList<>();
        try {
            for (int i = 0; i < TENANTS; i++) {
                sandboxes.add(SandboxTenant.builder().seed(i).threads(1).apiKey(API_KEY)
                        .history(50, java.time.Duration.ofSeconds(1), java.time.Instant.now().minusSeconds(5))
                        .start());
            }
            List<String> tenants = sandboxes.stream().map(SandboxTenant::url).toList();
            startKubernetes();
            for (String name : List.of("a", "b", "c")) {
                start(name, tenants, true);
            }
            sandboxes.forEach(tenant -> tenant.publishEvery(java.time.Duration.ofMillis(500)));
            await("every replica leads some tenants").atMost(Progress.STALL).until(() -> leaders().values()
                    .stream().distinct().count() == 3 && leaders().size() == TENANTS);

            Map<String, String> leaders = leaders();
            Set<String> orphans = new HashSet<>();
            leaders.forEach((tenant, replica) -> {
                if (replica.equals("a")) {
                    orphans.add(tenant);
                }
            });
            stop("a");
            long stopped = System.currentTimeMillis();
            await("the tenants of a led by b or c").atMost(Progress.STALL).until(() -> orphans.stream()
                    .allMatch(tenant -> deliveredAfter(tenant, stopped)));
            long takeOver = System.currentTimeMillis() - stopped;
            sandboxes.forEach(SandboxTenant::stopPublishing);
            Set<String> expected = expected(sandboxes);
            Progress.awaitCount("distinct events delivered", () -> distinct().size(), expected.size());

            assertThat(distinct()).isEqualTo(expected);
            long duplicated = delivered("a") + delivered("b") + delivered("c") - expected.size();
            ReliabilityReport.record(TENANTS + " tenants on 3 replicas, Kubernetes Leases with rebalancing (led: a "
                                     + orphans.size() + " of " + TENANTS + "), a gone: every tenant of a delivered by "
                                     + "another in " + takeOver + " ms (limit 30 s; lease 3 s)", expected.size(),
                    expected.size(), duplicated, 0);
            assertThat(takeOver).as("ms until every tenant of a was delivered by another replica")
                    .isLessThanOrEqualTo(30_000);
            assertThat(duplicated).isLessThanOrEqualTo((long) PAGE * orphans.size());
        } finally {
            sandboxes.forEach(SandboxTenant::close);
        }
    }

    private void startKubernetes() {
        kubernetes.init(InetAddress.getLoopbackAddress(), 0);
        // where a fabric8 client outside a pod finds its API server (the cluster service's lease client is one)
        System.setProperty(MASTER_PROPERTY, "http://127.0.0.1:" + kubernetes.getPort());
        System.setProperty(NAMESPACE_PROPERTY, NAMESPACE);
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        positions = new JdbcStateRepository(database);
        client = kubernetes.createClient();
    }

    /** A replica: its pod, its cluster service, one route per tenant, each its own namespace {@code tenant-<n>}. */
    private void start(String name, List<String> tenants, boolean rebalance) throws Exception {
        // a running, ready pod: the cluster service counts only those as members
        client.pods().inNamespace(NAMESPACE).resource(new PodBuilder().withNewMetadata().withName(name)
                .withNamespace(NAMESPACE).withLabels(LABELS).endMetadata().withNewStatus().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .withInitContainerStatuses(List.of()).withContainerStatuses(List.of()).endStatus().build()).create();
        KubernetesClusterService cluster = new KubernetesClusterService();
        cluster.setPodName(name);
        cluster.setClusterLabels(LABELS);
        cluster.setLeaseResourceType(LeaseResourceType.Lease);
        cluster.setLeaseDurationMillis(3_000);
        cluster.setRenewDeadlineMillis(2_000);
        cluster.setRetryPeriodMillis(500);
        CamelContext context = new DefaultCamelContext();
        context.addService(rebalance ? new RebalancingCamelClusterService(cluster, 1_000) : cluster);
        QlikLicenseEventsComponent component = new QlikLicenseEventsComponent();
        component.getConfiguration().setApiKey(API_KEY);
        component.getConfiguration().setCursorRepository(positions);
        context.addComponent("qlik-license-events", component);
        List<String> ids = delivered.computeIfAbsent(name, n -> Collections.synchronizedList(new ArrayList<>()));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (int i = 0; i < tenants.size(); i++) {
                    String tenant = "tenant-" + i;
                    from("master:" + tenant + ":qlik-license-events:licenses?since=P1D&delay=50&pageSize=50"
                         + "&stateKey=" + tenant + "&tenantUrl=" + tenants.get(i)).routeId(tenant + "-on-" + name)
                            .process(e -> {
                                ids.add(tenant + "/" + e.getMessage().getHeader(QlikLicenseEventsConstants.EVENT_ID,
                                        String.class) + "/" + System.currentTimeMillis());
                                Thread.sleep(5);
                            });
                }
            }
        });
        context.start();
        replicas.put(name, context);
    }

    /** The replica's pod goes away and the replica stops. */
    private void stop(String name) {
        client.pods().inNamespace(NAMESPACE).withName(name).delete();
        replicas.remove(name).stop();
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    /** Deliveries by the replica: {@code tenant/event id/epoch millis}. */
    private List<String> deliveries(String name) {
        List<String> ids = delivered.get(name);
        if (ids == null) {
            return List.of();
        }
        synchronized (ids) {
            return new ArrayList<>(ids);
        }
    }

    private long delivered(String name) {
        return deliveries(name).size();
    }

    /** Distinct {@code tenant/event id} delivered by any replica. */
    private Set<String> distinct() {
        Set<String> ids = new HashSet<>();
        delivered.keySet().forEach(name -> deliveries(name).forEach(d -> ids.add(d.substring(0, d.lastIndexOf('/')))));
        return ids;
    }

    /** The replica that delivered each tenant's latest event. */
    private Map<String, String> leaders() {
        Map<String, String> leaders = new HashMap<>();
        Map<String, Long> latest = new HashMap<>();
        delivered.keySet().forEach(name -> deliveries(name).forEach(d -> {
            String[] parts = d.split("/");
            long at = Long.parseLong(parts[2]);
            if (at >= latest.getOrDefault(parts[0], 0L)) {
                latest.put(parts[0], at);
                leaders.put(parts[0], name);
            }
        }));
        return leaders;
    }

    private boolean deliveredAfter(String tenant, long since) {
        return replicas.keySet().stream().flatMap(name -> deliveries(name).stream())
                .anyMatch(d -> d.startsWith(tenant + "/") && Long.parseLong(d.split("/")[2]) >= since);
    }

    private static Set<String> expected(List<SandboxTenant> sandboxes) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < sandboxes.size(); i++) {
            for (SandboxEvent event : sandboxes.get(i).feed().snapshot()) {
                ids.add("tenant-" + i + "/" + event.eventId());
            }
        }
        return ids;
    }
}
