package io.github.qlikevents.camel.ha;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import javax.sql.DataSource;

import io.github.qlikevents.camel.QlikLicenseEventsConstants;
import io.github.qlikevents.camel.state.JdbcStateRepository;
import io.github.qlikevents.camel.support.ChildJvm;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One replica of the fencing tests: {@code master:qlik:qlik-license-events:licenses} with leadership from a real
 * ZooKeeper (Camel's ZooKeeperClusterService) and the position in a {@link JdbcStateRepository} on a real database
 * server. It appends {@code <event id> <epoch millis>} to {@code committed-<name>.txt} for each event it delivers,
 * and runs until killed. Arguments: shared directory, name, JDBC URL, ZooKeeper nodes, session timeout (ms), and
 * optionally a file of tenant URLs: then one route per tenant, each its own {@code master:} namespace
 * ({@code tenant-<n>}), whose ids it writes as {@code tenant-<n>/<event id>}.
 */
public final class FencedReplicaMain {

    private FencedReplicaMain() {
    }

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args[0]);
        String name = args[1];
        Path committed = shared.resolve("committed-" + name + ".txt");
        CamelContext context = new DefaultCamelContext();
        ZooKeeperClusterService cluster = new ZooKeeperClusterService();
        cluster.setId(name);
        cluster.setNodes(args[3]);
        cluster.setBasePath("/qlik-events");
        cluster.setSessionTimeout(Long.parseLong(args[4]));
        cluster.setConnectTimeout(2_000);
        context.addService(cluster);

        ChildJvm.addComponent(context, new JdbcStateRepository(dataSource(args[2])));
        List<String> tenants = args.length > 5 ? Files.readAllLines(Path.of(args[5])) : List.of();
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
                routes.from("master:" + namespace + ":qlik-license-events:licenses?since=P1D&delay=100" + options)
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

    private static DataSource dataSource(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(url);
            return postgres;
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        return h2;
    }
}
