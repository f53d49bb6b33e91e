package io.github.qlikevents.camel.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.qlikevents.camel.sandbox.Fault;
import io.github.qlikevents.camel.sandbox.SandboxEvent;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import io.github.qlikevents.camel.support.Progress;
import io.github.qlikevents.camel.support.SandboxTestSupport;
import io.github.qlikevents.camel.support.WebhookTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook mode without reconcile: what Qlik failed to deliver while the receiver was down is resent once the route
 * receives again (through a 503 on the deliveries list), each event once, and not resent again by later starts.
 */
class ResendFailedDeliveriesTest extends WebhookTestSupport {

    private static final int EVENTS = 50;

    @Test
    void fiftyEventsThatFailedWhileTheReceiverWasDownArriveOnceEachWhenItIsBack() throws Exception {
        startSandbox(SandboxTenant.builder().history(0, Duration.ofSeconds(1)).webhookDisableAfter(1_000));
        startWebhookServer();
        context.getRegistry().bind("delivered", MemoryIdempotentRepository.memoryIdempotentRepository(1_000));
        context.addRoutes(receivingRoute());
        stopReceiving();

        List<SandboxEvent> published = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            published.add(sandbox.feed().publishGenerated(Instant.now()));
        }
        Progress.awaitCount("deliveries failed after every attempt", this::deliveriesFailedForGood, EVENTS);
        sandbox.inject(Fault.serverError(1, 503).on(Fault.Target.DELIVERIES));

        context.addRoutes(receivingRoute());
        MockEndpoint events = mock("events");
        Progress.awaitCount("resent events received", events::getReceivedCounter, EVENTS);

        assertThat(events.getReceivedExchanges()).extracting(SandboxTestSupport::id)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(published.stream().map(SandboxEvent::eventId).toList());
        assertThat(resendRequests()).isEqualTo(EVENTS);

        // a later start finds nothing left to resend
        long listings = deliveryListings();
        stopReceiving();
        context.addRoutes(receivingRoute());
        Progress.awaitCount("the deliveries listed again", this::deliveryListings, listings + 1);
        assertThat(resendRequests()).as("resends after the second start").isEqualTo(EVENTS);
        assertThat(mock("events").getReceivedCounter()).as("events received by the route started again").isZero();
    }

    private RouteBuilder receivingRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(webhookUri("/qlik/hook", "webhookExternalUrl=" + serverUrl() + "&tenantUrl=" + sandbox.url()
                                              + "&apiKey=" + API_KEY + "&webhookUnregisterOnStop=false"
                                              + "&idempotentRepository=#delivered"))
                        .routeId("qlik-hook").to("mock:events");
            }
        };
    }

    private void stopReceiving() throws Exception {
        context.getRouteController().stopRoute("qlik-hook");
        context.removeRoute("qlik-hook");
    }

    /** Deliveries whose last attempt (the fourth) failed. */
    private long deliveriesFailedForGood() {
        return sandbox.deliveries().stream().filter(d -> d.attempt() == 4 && !d.succeeded()).count();
    }

    private long resendRequests() {
        return sandbox.requests().stream().filter(r -> r.path().endsWith("/actions/resend")).count();
    }

    private long deliveryListings() {
        return sandbox.requests().stream().filter(r -> r.path().endsWith("/deliveries")).count();
    }
}
