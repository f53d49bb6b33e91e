package io.github.qlikevents.camel.reliability;

import java.nio.file.Path;

import io.github.qlikevents.camel.QlikLicenseEventsConstants;
import io.github.qlikevents.camel.support.ChildJvm;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A consumer process for the crash tests: polls the sandbox with its position in a FileStateRepository, and
 * commits each event id to a file, either through an idempotent consumer on a durable commit log (mode
 * {@code idempotent}) or plainly (mode {@code plain}). It runs until it is killed. The tenant URL and the API key
 * come from the environment (QLIK_TENANT_URL, QLIK_API_KEY), the directory and mode from the arguments.
 */
public final class CrashingConsumerMain {

    private CrashingConsumerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        boolean idempotent = "idempotent".equals(args[1]);
        CommitLog commits = new CommitLog(directory.resolve("committed.txt"));
        CamelContext context = new DefaultCamelContext();
        ChildJvm.addComponent(context, directory.resolve("positions.dat"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                var route = from("qlik-license-events:licenses?since=P1D&delay=20").routeId("crashing");
                if (idempotent) {
                    route.idempotentConsumer(header(QlikLicenseEventsConstants.EVENT_ID)).idempotentRepository(commits)
                            .process(e -> Thread.sleep(1));
                } else {
                    route.process(e -> {
                        commits.append(e.getMessage().getHeader(QlikLicenseEventsConstants.EVENT_ID, String.class));
                        Thread.sleep(1);
                    });
                }
            }
        });
        context.start();
        ChildJvm.runUntilParentExits();
    }
}
