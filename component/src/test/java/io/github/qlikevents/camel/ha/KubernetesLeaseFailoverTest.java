package io.github.qlikevents.camel.ha;

import java.net.InetAddress;
import java.util.ArrayList;
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
import io.github.qlikevents.camel.state.JdbcStateRepository;
import io.github.qlikevents.camel.support.Progress;
import io.github.qlikevents.camel.support.SandboxTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.component.kubernetes.cluster.LeaseResourceType;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leadership from Kubernetes Leases (camel-kubernetes' KubernetesClusterService) against the fabric8 mock API
 * server in CRUD mode, as Camel's own cluster tests do: three replicas (Camel contexts) with their pods, the position
 * in a JdbcStateRepository. Only the leader delivers; when its pod goes away and it stops, another takes over where it
 * left off; nothing is lost.
 */
class KubernetesLeaseFailoverTest extends SandboxTestSupport {

    private static final String NAMESPACE = "qlik";
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
        kubernetes.init(InetAddress.getLoopbackAddress(), 0);
        // where a fabric8 client outside a pod finds its API server (the cluster service's lease client is one)
        System.setProperty(MASTER_PROPERTY, "http://127.0.0.1:" + kubernetes.getPort());
        System.setProperty(NAMESPACE_PROPERTY, NAMESPACE);
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        positions = new JdbcStateRepository(database);
        NamespacedKubernetesClient client = kubernetes.createClient();

        start("a", client);
        Progress.awaitCount("delivered by a", () -> delivered("a"), 300);
        start("b", client);
        start("c", client);
        long before = delivered("a");
        Progress.awaitCount("delivered by a beside b and c", () -> delivered("a"), Math.min(before + 100, 1_000));
        assertThat(delivered("b") + delivered("c")).as("deliveries by the replicas without the lease").isZero();

        client.pods().inNamespace(NAMESPACE).withName("a").delete();
        replicas.remove("a").stop();
        Progress.awaitCount("distinct events delivered", () -> distinct().size(), 1_000);

        assertThat(distinct()).isEqualTo(new HashSet<>(expectedIds(e -> true)));
        assertThat(delivered("b") + delivered("c")).as("delivered after the hand-over").isPositive();
        assertThat(delivered("b") == 0 || delivered("c") == 0).as("one of b and c took over, not both").isTrue();
        long duplicated = delivered("a") + delivered("b") + delivered("c") - 1_000;
        assertThat(duplicated).as("delivered twice at the hand-over: at most a page").isLessThanOrEqualTo(100);
    }

    private void start(String name, NamespacedKubernetesClient client) throws Exception {
        // a running, ready pod: the cluster service counts only those as members
        client.pods().inNamespace(NAMESPACE).resource(new PodBuilder().withNewMetadata().withName(name)
                .withNamespace(NAMESPACE).withLabels(LABELS).endMetadata().withNewStatus().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .withInitContainerStatuses(List.of()).withContainerStatuses(List.of()).endStatus().build()).create();
        KubernetesClusterService cluster = new KubernetesClusterService();
        cluster.setMasterUrl("http://127.0.0.1:" + kubernetes.getPort());
        cluster.setNamespace(NAMESPACE);
        cluster.setKubernetesResourcesNamespace(NAMESPACE);
        cluster.setPodName(name);
        cluster.setClusterLabels(LABELS);
        cluster.setLeaseResourceType(LeaseResourceType.Lease);
        cluster.setLeaseDurationMillis(3_000);
        cluster.setRenewDeadlineMillis(2_000);
        cluster.setRetryPeriodMillis(500);
        CamelContext context = new DefaultCamelContext();
        context.addService(cluster);
        QlikLicenseEventsComponent component = new QlikLicenseEventsComponent();
        component.getConfiguration().setTenantUrl(sandbox.url());
        component.getConfiguration().setApiKey(API_KEY);
        component.getConfiguration().setCursorRepository(positions);
        context.addComponent("qlik-license-events", component);
        List<String> ids = delivered.computeIfAbsent(name, n -> java.util.Collections.synchronizedList(
                new ArrayList<>()));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("master:qlik:qlik-license-events:licenses?since=P1D&delay=50&pageSize=50").routeId("on-" + name)
                        .process(e -> {
                            ids.add(e.getMessage().getHeader(QlikLicenseEventsConstants.EVENT_ID, String.class));
                            Thread.sleep(5);
                        });
            }
        });
        context.start();
        replicas.put(name, context);
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    private long delivered(String name) {
        List<String> ids = delivered.get(name);
        return ids == null ? 0 : ids.size();
    }

    private Set<String> distinct() {
        Set<String> ids = new HashSet<>();
        delivered.values().forEach(list -> {
            synchronized (list) {
                ids.addAll(list);
            }
        });
        return ids;
    }
}
