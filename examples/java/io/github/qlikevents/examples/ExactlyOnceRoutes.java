package io.github.qlikevents.examples;

import java.io.File;

import io.github.qlikevents.camel.QlikLicenseEventsConstants;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.state.FileStateRepository;

/**
 * Exactly once across restarts: the poll position survives in a FileStateRepository, and an idempotent consumer on
 * the CloudEvents id, with a durable repository, drops what the at-least-once window delivers again after a crash.
 * For several replicas use shared repositories (JDBC, Infinispan, Redis) instead of files.
 */
public class ExactlyOnceRoutes extends RouteBuilder {

    private final File directory;

    public ExactlyOnceRoutes(File directory) {
        this.directory = directory;
    }

    @Override
    public void configure() {
        getContext().getRegistry().bind("qlikPositions",
                FileStateRepository.fileStateRepository(new File(directory, "qlik-positions.dat")));
        getContext().getRegistry().bind("qlikDelivered",
                FileIdempotentRepository.fileIdempotentRepository(new File(directory, "qlik-delivered.dat"),
                        100_000));

        from("qlik-license-events:licenses?since=P7D&delay={{qlik.delay:5000}}&cursorRepository=#qlikPositions")
                .routeId("exactly-once")
                .idempotentConsumer(header(QlikLicenseEventsConstants.EVENT_ID)).idempotentRepository("qlikDelivered")
                .to("{{qlik.exactly-once.uri:log:qlik.exactly-once}}");
    }
}
