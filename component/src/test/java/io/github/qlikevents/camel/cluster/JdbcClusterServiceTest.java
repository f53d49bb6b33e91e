package io.github.qlikevents.camel.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.github.qlikevents.camel.support.CuttableDataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.StatefulService;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replicas of {@link JdbcClusterService} in one JVM (a Camel context each, as Camel's own cluster tests run them) on
 * one H2 database, with short leases (2 s, renewed every 500 ms): leadership spread over the replicas, taken over from
 * a replica that stops, kept (above its share) by the only replica able to lead a namespace, given up by a replica that
 * cannot reach the database before another takes it, and taken again by it later.
 */
class JdbcClusterServiceTest {

    private static final Duration SETTLED = Duration.ofSeconds(60);
    private final List<CamelContext> contexts = new ArrayList<>();
    /** One H2 database in memory for the replicas of a test. */
    private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @AfterEach
    void stopContexts() {
        contexts.forEach(CamelContext::stop);
    }

    @Test
    void namespacesAreSpreadOverTheReplicasAndTakenOverWhenOneStops() throws Exception {
        List<String> namespaces = List.of("t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8");
        List<JdbcClusterService> replicas = List.of(replica("a"), replica("b"), replica("c"));
        List<CamelClusterView> views = new ArrayList<>();
        for (JdbcClusterService replica : replicas) {
            for (String namespace : namespaces) {
                views.add(replica.getView(namespace));
            }
        }

        await("each namespace led by one replica, each replica leading its share of 3")
                .atMost(SETTLED).until(() -> spread(views, namespaces, List.of("a", "b", "c"), 3));
        contexts.get(0).stop();

        await("the namespaces of a led by b and c, 5 at most each").atMost(SETTLED)
                .until(() -> spread(views, namespaces, List.of("b", "c"), 5));
    }

    @Test
    void namespacesOnlyOneReplicaCanLeadAreLedByItAboveItsShareAndStayLed() throws Exception {
        JdbcClusterService a = replica("a");
        JdbcClusterService b = replica("b");
        List<String> namespaces = List.of("t0", "t1", "t2", "t3");
        List<CamelClusterView> views = new ArrayList<>();
        for (String namespace : namespaces) {
            views.add(a.getView(namespace));
        }
        views.add(b.getView("t0"));

        await("every namespace led, though only a can lead three of them: a share is 2").atMost(SETTLED)
                .until(() -> ledOnce(views, namespaces));
        await("none given up and left unled").during(Duration.ofSeconds(5)).atMost(SETTLED)
                .until(() -> ledOnce(views, namespaces));
    }

    @Test
    void aReplicaThatCannotReachTheDatabaseStepsDownBeforeAnotherTakesOverAndLeadsAgainLater() throws Exception {
        CuttableDataSource aDatabase = new CuttableDataSource(url);
        CamelClusterView a = replica("a", aDatabase).getView("t0");
        await("a leads").atMost(SETTLED).until(() -> a.getLocalMember().isLeader());
        CamelClusterView b = replica("b").getView("t0");
        List<long[]> aLed = leadership(a);
        List<long[]> bLed = leadership(b);

        assertThat(health(a).getState()).as("a's health while it leads").isEqualTo(HealthCheck.State.UP);
        assertThat(health(a).getDetails()).containsEntry("leads", List.of("t0"));

        aDatabase.cut(true);
        await("b takes over").atMost(SETTLED).until(() -> b.getLocalMember().isLeader());
        assertThat(a.getLocalMember().isLeader()).as("a still leads").isFalse();
        HealthCheck.Result down = health(a);
        assertThat(down.getState()).as("a's health without its database").isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).get(InstanceOfAssertFactories.STRING)
                .startsWith("Replica a could not renew its leadership leases (").contains("cut this replica off the database");
        assertThat(health(b).getState()).as("b's health").isEqualTo(HealthCheck.State.UP);
        aDatabase.cut(false);
        await("a stands by beside b").during(Duration.ofSeconds(3)).atMost(SETTLED)
                .until(() -> b.getLocalMember().isLeader() && !a.getLocalMember().isLeader());
        assertThat(health(a).getState()).as("a's health once it reaches its database").isEqualTo(HealthCheck.State.UP);
        contexts.get(1).stop();

        await("a leads again once b stopped").atMost(SETTLED).until(() -> a.getLocalMember().isLeader());
        synchronized (aLed) {
            synchronized (bLed) {
                assertThat(bLed).as("b's leadership").isNotEmpty();
                long aSteppedDown = aLed.get(0)[1];
                long bTookOver = bLed.get(0)[0];
                assertThat(aSteppedDown).as("a stepped down (ns) before b took over (ns)").isLessThan(bTookOver);
            }
        }
    }

    @Test
    void aConsumerCamelMasterStartsAfterTheLeadershipWasLostIsStoppedAgain() throws Exception {
        JdbcClusterService service = new JdbcClusterService(new CuttableDataSource(url));
        service.setId("a");
        // after its take, the replica reads the table again only in 30 s
        service.setLeaseDuration("PT60S");
        service.setRenewInterval("PT30S");
        CamelContext context = new DefaultCamelContext();
        context.addService(service);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("master:t0:timer:t0?period=20").routeId("t0").to("mock:ticks");
            }
        });
        context.start();
        contexts.add(context);
        JdbcClusterView view = (JdbcClusterView) service.getView("t0");
        await("a leads t0").atMost(SETTLED).pollInterval(Duration.ofMillis(5)).until(view::leads);

        // given up at once: camel-master starts the consumer a second after the take all the same
        view.seen(null, List.of("a"));

        MockEndpoint ticks = context.getEndpoint("mock:ticks", MockEndpoint.class);
        Endpoint timer = context.getEndpoint("timer:t0?period=20");
        await("the consumer started after the loss, and stopped").atMost(Duration.ofSeconds(20))
                .until(() -> ticks.getReceivedCounter() > 0 && ((StatefulService) timer).isStopped());
    }

    /** The replica's jdbc-cluster-service check, as Camel's health endpoints call it. */
    private static HealthCheck.Result health(CamelClusterView view) {
        CamelContext context = view.getClusterService().getCamelContext();
        HealthCheckRegistry.get(context).setExposureLevel("full");
        return HealthCheckHelper.invoke(context).stream()
                .filter(result -> result.getCheck().getId().equals("jdbc-cluster-service")).findFirst().orElseThrow();
    }

    /** The spans (System.nanoTime from, to) in which the view's replica led, the first one open since the call. */
    private static List<long[]> leadership(CamelClusterView view) {
        List<long[]> spans = new ArrayList<>();
        if (view.getLocalMember().isLeader()) {
            spans.add(new long[] { System.nanoTime(), Long.MAX_VALUE });
        }
        view.addEventListener((CamelClusterEventListener.Leadership) (changed, leader) -> {
            synchronized (spans) {
                boolean leads = changed.getLocalMember().isLeader();
                boolean open = !spans.isEmpty() && spans.get(spans.size() - 1)[1] == Long.MAX_VALUE;
                if (leads && !open) {
                    spans.add(new long[] { System.nanoTime(), Long.MAX_VALUE });
                } else if (!leads && open) {
                    spans.get(spans.size() - 1)[1] = System.nanoTime();
                }
            }
        });
        return spans;
    }

    private JdbcClusterService replica(String id) throws Exception {
        return replica(id, new CuttableDataSource(url));
    }

    private JdbcClusterService replica(String id, DataSource database) throws Exception {
        JdbcClusterService service = new JdbcClusterService(database);
        service.setId(id);
        service.setLeaseDuration("PT2S");
        service.setRenewInterval("500");
        CamelContext context = new DefaultCamelContext();
        context.addService(service);
        context.start();
        contexts.add(context);
        return service;
    }

    /** Per namespace, the replicas that believe they lead it. */
    private static Map<String, List<String>> leaders(List<CamelClusterView> views, List<String> namespaces) {
        return namespaces.stream().collect(Collectors.toMap(namespace -> namespace, namespace -> views.stream()
                .filter(view -> view.getNamespace().equals(namespace) && view.getLocalMember().isLeader()
                                && view.getClusterService().getCamelContext().isStarted())
                .map(view -> view.getClusterService().getId()).toList()));
    }

    /** Every namespace led by exactly one replica. */
    private static boolean ledOnce(List<CamelClusterView> views, List<String> namespaces) {
        return leaders(views, namespaces).values().stream().allMatch(ids -> ids.size() == 1);
    }

    /** Every namespace led by exactly one of {@code replicas}, none leading more than {@code most}. */
    private static boolean spread(List<CamelClusterView> views, List<String> namespaces, List<String> replicas,
                                  int most) {
        Map<String, List<String>> leaders = leaders(views, namespaces);
        return leaders.values().stream().allMatch(ids -> ids.size() == 1 && replicas.contains(ids.get(0)))
               && replicas.stream().allMatch(id -> leaders.values().stream().filter(ids -> ids.contains(id)).count()
                                                   <= most);
    }
}
