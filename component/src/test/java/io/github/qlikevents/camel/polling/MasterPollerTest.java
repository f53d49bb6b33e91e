package io.github.qlikevents.camel.polling;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.qlikevents.camel.cluster.JdbcClusterService;
import io.github.qlikevents.camel.state.JdbcStateRepository;
import io.github.qlikevents.camel.support.CuttableDataSource;
import io.github.qlikevents.camel.support.Progress;
import io.github.qlikevents.camel.support.SandboxTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A poller under {@code master:} (camel-master's consumer is the route's and starts the poller on the leader, here
 * elected by {@link JdbcClusterService}): its health check is there under the route's id, and the dev console shows
 * it with the lease on its position.
 */
class MasterPollerTest extends SandboxTestSupport {

    @Test
    void theLeadersPollerShowsInHealthAndTheDevConsole() throws Exception {
        startSandbox(30);
        CuttableDataSource database = new CuttableDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcClusterService cluster = new JdbcClusterService(database);
        cluster.setId("replica-a");
        cluster.setLeaseDuration("PT3S");
        context = new DefaultCamelContext();
        context.addService(cluster);
        context.getRegistry().bind("positions", new JdbcStateRepository(database));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("master:tenant-a:" + pollUri("since=P1D&cursorRepository=#positions")).routeId("leader")
                        .to("mock:events");
            }
        });
        context.start();
        HealthCheckRegistry health = context.getCamelContextExtension().getContextPlugin(HealthCheckRegistry.class);
        health.register(health.resolveById("consumers"));
        // every check's result, as Actuator's and /observe/health's full exposure show them (the default shows one)
        health.setExposureLevel("full");

        Progress.awaitCount("events delivered on the leader", () -> mock("events").getReceivedCounter(), 30);
        await("the poller's check under the route's id").atMost(Progress.STALL).until(() -> HealthCheckHelper
                .invoke(context).stream().anyMatch(result -> result.getCheck().getId().equals("consumer:leader")
                                                             && result.getState() == HealthCheck.State.UP));
        PollingDevConsole console = new PollingDevConsole();
        console.setCamelContext(context);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> pollers = (List<Map<String, Object>>) ((Map<String, Object>) console.call(
                DevConsole.MediaType.JSON)).get("consumers");

        assertThat(pollers).singleElement().satisfies(poller -> assertThat(poller)
                .containsEntry("routeId", "leader").containsEntry("claimLost", false)
                .hasEntrySatisfying("leaseHolder", holder -> assertThat((String) holder).contains("/"))
                .containsKeys("leaseExpiry", "lastPollAgeSeconds"));
    }
}
