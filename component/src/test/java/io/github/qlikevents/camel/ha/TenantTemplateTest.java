package io.github.qlikevents.camel.ha;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.github.qlikevents.camel.sandbox.SandboxEvent;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import io.github.qlikevents.camel.state.JdbcStateRepository;
import io.github.qlikevents.camel.support.Progress;
import io.github.qlikevents.camel.support.TestSecrets;
import org.apache.camel.CamelContext;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * examples/yaml/tenants.camel.yaml, as it is, over two sandbox tenants with a different key each: one route per
 * tenant from the template, each tenant's events once and marked with its name, each position under its own key.
 */
class TenantTemplateTest {

    @TempDir
    Path locks;
    private final Map<String, SandboxTenant> tenants = Map.of(
            "acme", sandbox(1, TestSecrets.API_KEY),
            "globex", sandbox(2, TestSecrets.API_KEY + "-globex"));
    private CamelContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
        tenants.values().forEach(SandboxTenant::close);
    }

    @Test
    void everyTenantOfTheTemplateIsPolledWithItsOwnKeyAndPosition() throws Exception {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcStateRepository positions = new JdbcStateRepository(database);
        context = new DefaultCamelContext();
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId("replica");
        cluster.setRoot(locks.toString());
        cluster.setAcquireLockDelay(10, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(100, TimeUnit.MILLISECONDS);
        context.addService(cluster);
        context.getRegistry().bind("qlikPositions", positions);
        Properties properties = new Properties();
        properties.setProperty("qlik.since", "P1D");
        properties.setProperty("qlik.delay", "100");
        properties.setProperty("qlik.tenants.uri", "mock:events");
        tenants.forEach((name, tenant) -> {
            properties.setProperty(name + ".tenant-url", tenant.url());
            properties.setProperty(name + ".api-key", name.equals("acme") ? TestSecrets.API_KEY
                    : TestSecrets.API_KEY + "-globex");
        });
        context.getPropertiesComponent().setInitialProperties(properties);
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveMandatoryResource(context, "file:../examples/yaml/tenants.camel.yaml"));
        context.start();
        MockEndpoint events = context.getEndpoint("mock:events", MockEndpoint.class);
        int expected = tenants.values().stream().mapToInt(t -> t.feed().snapshot().size()).sum();

        Progress.awaitCount("events of both tenants", events::getReceivedCounter, expected);

        for (Map.Entry<String, SandboxTenant> tenant : tenants.entrySet()) {
            assertThat(events.getReceivedExchanges()).filteredOn(e -> tenant.getKey().equals(
                    e.getMessage().getHeader("QlikTenant"))).extracting(e -> e.getMessage().getHeader(
                            "CamelCloudEventID", String.class))
                    .as("events of " + tenant.getKey()).containsExactlyElementsOf(
                            tenant.getValue().feed().snapshot().stream().map(SandboxEvent::eventId).toList());
            assertThat(positions.getState(tenant.getKey())).as("position of " + tenant.getKey()).isNotBlank();
        }
        assertThat(context.getRoutes()).extracting(r -> r.getRouteId()).contains("tenant-acme", "tenant-globex");
    }

    private static SandboxTenant sandbox(long seed, String apiKey) {
        try {
            return SandboxTenant.builder().seed(seed).apiKey(apiKey)
                    .history(30, Duration.ofSeconds(1), Instant.now().minusSeconds(10)).start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
