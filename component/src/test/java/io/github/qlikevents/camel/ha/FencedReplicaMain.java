package io.github.qlikevents.camel.ha;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.qlikevents.camel.QlikLicenseEventsComponent;
import io.github.qlikevents.camel.QlikLicenseEventsConstants;
import io.github.qlikevents.camel.cluster.JdbcClusterService;
import io.github.qlikevents.camel.state.JdbcStateRepository;
import io.github.qlikevents.camel.support.ChildJvm;
import io.github.qlikevents.camel.support.DatabaseServer;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One replica of the high-availability tests: {@code master:qlik:qlik-license-events:licenses} with leadership from a
 * real ZooKeeper (Camel's ZooKeeperClusterService) or from the database alone ({@link JdbcClusterService}), and the
 * position in a {@link JdbcStateRepository} on a real database server; both leases (and the ZooKeeper session) last
 * the given milliseconds. It appends {@code <event id> <epoch millis>} to {@code committed-<name>.txt} for each event
 * it delivers, and runs until killed. Arguments: shared directory, name, JDBC URL, leadership
 * ({@code zookeeper:<nodes>} or {@code jdbc}), lease milliseconds, how many seconds its component's clock runs ahead
 * of the wall clock, and optionally a file of tenant URLs: then one route per tenant, each its own {@code master:}
 * namespace ({@code tenant-<n>}), whose ids it writes as {@code tenant-<n>/<event id>}, its database connections from a
 * pool; and then the routes' delay in milliseconds (default 100).
 */
public final class FencedReplicaMain {

    private static final String ZOOKEEPER = "zookeeper:";

    private FencedReplicaMain() {
    }

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args[0]);
        String name = args[1];
        List<String> tenants = args.length > 6 ? Files.readAllLines(Path.of(args[6])) : List.of();
        DataSource dataSource = tenants.isEmpty() ? DatabaseServer.dataSource(args[2]) : pooled(args[2]);
        long leaseMillis = Long.parseLong(args[4]);
        Path committed = shared.resolve("committed-" + name + ".txt");
        CamelContext context = new DefaultCamelContext();
        context.addService(cluster(args[3], name, dataSource, leaseMillis));

        JdbcStateRepository positions = new JdbcStateRepository(dataSource);
        positions.setLeaseDuration(Long.toString(leaseMillis));
        ChildJvm.addComponent(context, positions);
        QlikLicenseEventsComponent component = context.getComponent("qlik-license-events",
                QlikLicenseEventsComponent.class);
        component.getConfiguration().setClock(Clock.offset(Clock.systemUTC(),
                Duration.ofSeconds(Long.parseLong(args[5]))));
        long delayMillis = args.length > 7 ? Long.parseLong(args[7]) : 100;
        // no test reads a replica's MBeans, and thousands of tenant routes would take 0.2 MiB each
        context.disableJMX();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                if (tenants.isEmpty()) {
                    deliver(this, "qlik", "", "");
                }
                for (int i = 0; i < tenants.size(); i++) {
                    deliver(this, "tenant-" + i, "&tenantUrl=" + tenants.get(i) + "&stateKey=tenant-" + i,
                            "tenant-" + i + "/");
                }
            }

            private void deliver(RouteBuilder routes, String namespace, String options, String idPrefix) {
                routes.from("master:" + namespace + ":qlik-license-events:licenses?since=P1D&delay=" + delayMillis
                            + options)
                        .routeId(namespace + "-on-" + name)
                        .process(e -> Files.writeString(committed, idPrefix
                                                                   + e.getMessage().getHeader(
                                                                           QlikLicenseEventsConstants.EVENT_ID,
                                                                           String.class)
                                                                   + " " + System.currentTimeMillis() + "\n",
                                StandardOpenOption.CREATE, StandardOpenOption.APPEND));
            }
        });
        context.start();
        Files.writeString(shared.resolve(name + ".started"), "started");
        ChildJvm.runUntilParentExits();
    }

    /**
     * A connection pool, as a deployment of thousands of routes has (their claims renew every tick): without one,
     * every statement opens a connection of its own, and a replica taking over hundreds of tenants at once opens
     * them faster than the server accepts them.
     */
    private static DataSource pooled(String url) throws SQLException {
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(DatabaseServer.dataSource(url));
        pool.setMaximumPoolSize(10);
        pool.setConnectionTimeout(5_000);
        return new HikariDataSource(pool);
    }

    private static CamelClusterService cluster(String leadership, String name, DataSource dataSource,
                                               long leaseMillis) {
        if (leadership.startsWith(ZOOKEEPER)) {
            ZooKeeperClusterService zooKeeper = new ZooKeeperClusterService();
            zooKeeper.setId(name);
            zooKeeper.setNodes(leadership.substring(ZOOKEEPER.length()));
            zooKeeper.setBasePath("/qlik-events");
            zooKeeper.setSessionTimeout(leaseMillis);
            zooKeeper.setConnectTimeout(2_000);
            return zooKeeper;
        }
        JdbcClusterService jdbc = new JdbcClusterService(dataSource);
        jdbc.setId(name);
        jdbc.setLeaseDuration(Long.toString(leaseMillis));
        return jdbc;
    }
}
