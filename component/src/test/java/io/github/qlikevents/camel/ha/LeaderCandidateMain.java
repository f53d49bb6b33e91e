package io.github.qlikevents.camel.ha;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.github.qlikevents.camel.QlikLicenseEventsConstants;
import io.github.qlikevents.camel.support.ChildJvm;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One replica for the leader test: {@code master:qlik:qlik-license-events:licenses} with a FileLockClusterService on
 * a shared directory and the position in a shared FileStateRepository; it appends each event id it delivers to
 * {@code committed-<name>.txt} and runs until killed. Tenant URL and key come from the environment.
 */
public final class LeaderCandidateMain {

    private LeaderCandidateMain() {
    }

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args[0]);
        String name = args[1];
        Path committed = shared.resolve("committed-" + name + ".txt");
        CamelContext context = new DefaultCamelContext();
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId(name);
        cluster.setRoot(shared.resolve("locks").toString());
        cluster.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(300, TimeUnit.MILLISECONDS);
        context.addService(cluster);
        ChildJvm.addComponent(context, shared.resolve("positions.dat"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("master:qlik:qlik-license-events:licenses?since=P1D&delay=50").routeId("leader-" + name)
                        .process(e -> {
                            String id = e.getMessage().getHeader(QlikLicenseEventsConstants.EVENT_ID, String.class);
                            Files.writeString(committed, id + "\n", java.nio.file.StandardOpenOption.CREATE,
                                    java.nio.file.StandardOpenOption.APPEND);
                            Thread.sleep(2);
                        });
            }
        });
        context.start();
        Files.writeString(shared.resolve(name + ".started"), "started");
        ChildJvm.runUntilParentExits();
    }
}
