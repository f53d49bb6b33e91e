package io.github.qlikevents.camel.polling;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.qlikevents.camel.sandbox.Fault;
import io.github.qlikevents.camel.sandbox.SandboxEvent;
import io.github.qlikevents.camel.sandbox.SandboxRequest;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import io.github.qlikevents.camel.support.SandboxTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Restarts, route failures, late and repeated events, cursors that expire: nothing lost, nothing twice. */
class PollingReliabilityTest extends SandboxTestSupport {

    @TempDir
    Path tempDir;

    @Test
    void restartWithFileStateRepositoryResumesWithoutLossOrRepeats() throws Exception {
        startSandbox(120);
        File state = tempDir.resolve("positions.dat").toFile();
        startContext(restartableRoute(state));
        MockEndpoint first = mock("events");
        first.expectedMessageCount(120);
        assertSatisfied(first);
        List<String> delivered = new ArrayList<>(receivedIds(first));
        context.close();

        List<SandboxEvent> later = List.of(sandbox.feed().publishGenerated(Instant.now().minusSeconds(1)),
                sandbox.feed().publishGenerated(Instant.now()));
        startContext(restartableRoute(state));
        MockEndpoint second = mock("events");
        second.expectedMessageCount(2);
        assertSatisfied(second);
        awaitMorePolls("poll", 2);
        delivered.addAll(receivedIds(second));

        assertThat(receivedIds(second)).containsExactly(later.get(0).eventId(), later.get(1).eventId());
        assertThat(delivered).containsExactlyElementsOf(expectedIds(e -> true));
    }

    private RouteBuilder restartableRoute(File state) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                getContext().getRegistry().bind("positions", FileStateRepository.fileStateRepository(state));
                from(pollUri("since=P1D&pageSize=25&cursorRepository=#positions")).routeId("poll").to("mock:events");
            }
        };
    }

    @Test
    void failedExchangeKeepsThePositionAndTheEventComesAgain() throws Exception {
        startSandbox(60);
        String poison = sandbox.feed().snapshot().get(25).eventId();
        AtomicBoolean failedOnce = new AtomicBoolean();
        startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from(pollUri("since=P1D&pageSize=10")).routeId("poll")
                        .process(e -> {
                            if (poison.equals(id(e)) && failedOnce.compareAndSet(false, true)) {
                                throw new IllegalStateException("downstream system unavailable");
                            }
                        })
                        .to("mock:events");
            }
        });
        MockEndpoint events = mock("events");
        events.expectedMessageCount(60);

        assertSatisfied(events);
        awaitMorePolls("poll", 2);

        assertThat(failedOnce).isTrue();
        assertThat(receivedIds(events)).containsExactlyElementsOf(expectedIds(e -> true));
        assertThat(consumer("poll").getEventsFailed()).isEqualTo(1);
    }

    @Test
    void deadLetterChannelTakesFailuresAndTheStreamGoesOn() throws Exception {
        startSandbox(40);
        String poison = sandbox.feed().snapshot().get(7).eventId();
        startContext(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:dead"));
                from(pollUri("since=P1D&pageSize=10")).routeId("poll")
                        .process(e -> {
                            if (poison.equals(id(e))) {
                                throw new IllegalStateException("cannot process " + poison);
                            }
                        })
                        .to("mock:events");
            }
        });
        MockEndpoint events = mock("events");
        MockEndpoint dead = mock("dead");
        events.expectedMessageCount(39);
        dead.expectedMessageCount(1);

        assertSatisfied(context);
        awaitMorePolls("poll", 2);

        assertThat(receivedIds(dead)).containsExactly(poison);
        assertThat(dead.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))
                .hasMessageContaining("cannot process " + poison);
        assertThat(events.getReceivedCounter()).isEqualTo(39);
    }

    @Test
    void lateEventInsideLookbackIsDeliveredOnce() throws Exception {
        startSandbox(30);
        startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from(pollUri("since=P1D&lookback=PT1M&sweepInterval=PT1S")).routeId("poll").to("mock:events");
            }
        });
        MockEndpoint events = mock("events");
        events.expectedMessageCount(30);
        assertSatisfied(events);

        // indexed late: visible now, but happened before the newest event already delivered
        Instant lastDelivered = sandbox.feed().historyTime(29);
        SandboxEvent late = sandbox.feed().publishGenerated(lastDelivered.minusSeconds(45));
        events.reset();
        events.expectedMessageCount(1);
        assertSatisfied(events);
        awaitMorePolls("poll", 3);

        assertThat(receivedIds(events)).containsExactly(late.eventId());
    }

    @Test
    void itemsRepeatedAcrossPagesAreDeliveredOnce() throws Exception {
        startSandbox(55);
        sandbox.duplicateAcrossPages(true);
        startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from(pollUri("since=P1D&pageSize=10")).routeId("poll").to("mock:events");
            }
        });
        MockEndpoint events = mock("events");
        events.expectedMessageCount(55);

        assertSatisfied(events);
        awaitMorePolls("poll", 2);

        assertThat(receivedIds(events)).containsExactlyElementsOf(expectedIds(e -> true));
    }

    @Test
    void expiredCursorIsRecoveredFromTheStoredPosition() throws Exception {
        startSandbox(SandboxTenant.builder().history(50, Duration.ofSeconds(1), Instant.now().minusSeconds(10)));
        AtomicBoolean expired = new AtomicBoolean();
        startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from(pollUri("since=P1D&pageSize=10")).routeId("poll")
                        .process(e -> {
                            // the cursor of the page being processed expires before the next page is asked for
                            if (e.getProperty(Exchange.BATCH_COMPLETE, Boolean.class) && expired.compareAndSet(false,
                                    true)) {
                                sandbox.expireCursors();
                            }
                        })
                        .to("mock:events");
            }
        });
        MockEndpoint events = mock("events");
        events.expectedMessageCount(50);

        assertSatisfied(events);
        awaitMorePolls("poll", 2);

        assertThat(receivedIds(events)).containsExactlyElementsOf(expectedIds(e -> true));
        assertThat(sandbox.requests()).extracting(SandboxRequest::status).contains(400);
    }

    @Test
    void maxMessagesPerPollLimitsEachPollAndLosesNothing() throws Exception {
        startSandbox(45);
        startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from(pollUri("since=P1D&pageSize=20&maxMessagesPerPoll=7")).routeId("poll").to("mock:events");
            }
        });
        MockEndpoint events = mock("events");
        events.expectedMessageCount(45);

        assertSatisfied(events);
        awaitMorePolls("poll", 2);

        assertThat(receivedIds(events)).containsExactlyElementsOf(expectedIds(e -> true));
        // 45 events at most 7 a poll: at least 7 polls, where one poll would drain them without the limit
        assertThat(consumer("poll").getCounter()).isGreaterThanOrEqualTo(7);
    }

    @Test
    void malformedPageFailsThePollAndTheNextPollRecovers() throws Exception {
        startSandbox(30);
        sandbox.inject(Fault.malformedPage(1));
        startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from(pollUri("since=P1D")).routeId("poll").to("mock:events");
            }
        });
        MockEndpoint events = mock("events");
        events.expectedMessageCount(30);

        assertSatisfied(events);
        awaitMorePolls("poll", 2);

        assertThat(receivedIds(events)).containsExactlyElementsOf(expectedIds(e -> true));
    }
}
