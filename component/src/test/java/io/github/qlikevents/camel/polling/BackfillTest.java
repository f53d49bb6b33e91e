package io.github.qlikevents.camel.polling;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.qlikevents.camel.sandbox.Fault;
import io.github.qlikevents.camel.sandbox.SandboxEvent;
import io.github.qlikevents.camel.sandbox.SandboxRequest;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import io.github.qlikevents.camel.support.CapturedLogs;
import io.github.qlikevents.camel.support.Progress;
import io.github.qlikevents.camel.support.SandboxTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** since older than the list keeps: the archive day by day, then the list, every event once, in order. */
class BackfillTest extends SandboxTestSupport {

    private static final Duration RETENTION = Duration.ofDays(90);
    /** 120 days of events, one every 4 hours: 180 archived (older than 90 days), 540 in the list. */
    private static final int EVENTS = 720;

    private final List<CamelContext> contexts = new ArrayList<>();
    @TempDir
    Path positions;

    @AfterEach
    void closeContexts() throws Exception {
        for (CamelContext camel : contexts) {
            camel.close();
        }
    }

    @Test
    void since120DaysDeliversTheArchiveDaysThenTheListInOrderOnce() throws Exception {
        startTenant(SandboxTenant.builder());
        List<SandboxEvent> expected = expectedFrom(since());

        MockEndpoint events = run(0);

        Progress.awaitCount("events", events::getReceivedCounter, expected.size());
        awaitMorePolls("backfill", 2);
        assertThat(receivedIds(events)).containsExactlyElementsOf(expected.stream().map(SandboxEvent::eventId).toList());
        Instant listOldest = Instant.now().minus(RETENTION);
        assertThat(events.getReceivedExchanges()).allSatisfy(exchange -> {
            Instant time = Instant.parse(exchange.getMessage().getHeader("CamelCloudEventTime", String.class));
            Boolean archived = exchange.getMessage().getHeader("CamelQlikArchived", Boolean.class);
            if (time.isBefore(listOldest.minus(Duration.ofDays(1)))) {
                assertThat(archived).as("archived %s", time).isTrue();
            } else if (time.isAfter(listOldest.plus(Duration.ofDays(1)))) {
                assertThat(archived).as("from the list %s", time).isNull();
            }
        });
        List<SandboxRequest> archiveRequests = sandbox.requests().stream()
                .filter(r -> r.path().equals("/api/v1/audits/archive")).toList();
        assertThat(archiveRequests).as("one request per archive day").hasSizeBetween(31, 32);
        assertThat(sandbox.requests()).filteredOn(r -> r.path().equals("/api/v1/audits/settings")).hasSize(1);
        QlikEventsPollingConsumer consumer = consumer("backfill");
        assertThat(consumer.getBackfillEventsDelivered())
                .isEqualTo(expected.stream().filter(e -> e.time().isBefore(listOldest)).count());
        assertThat(consumer.getBackfillDay()).isNull();
        assertThat(consumer.getBackfillDaysLeft()).isZero();
        PollingDevConsole console = new PollingDevConsole();
        console.setCamelContext(context);
        assertThat((String) console.call(DevConsole.MediaType.TEXT))
                .contains("backfillEventsDelivered: " + consumer.getBackfillEventsDelivered())
                .contains("backfillDaysLeft: 0");
    }

    @Test
    void progressIsLoggedPerDayWithDaysAndTimeLeft() throws Exception {
        startTenant(SandboxTenant.builder());
        List<SandboxEvent> expected = expectedFrom(since());

        try (CapturedLogs logs = new CapturedLogs(Backfill.class)) {
            MockEndpoint events = run(0);
            Progress.awaitCount("events", events::getReceivedCounter, expected.size());

            assertThat(logs.lines()).filteredOn(line -> line.contains(": archive day ")).hasSizeBetween(31, 32)
                    .allSatisfy(line -> assertThat(line).matches("INFO Backfill of tenant 127\\.0\\.0\\.1: archive day "
                                                                 + "\\d{4}-\\d\\d-\\d\\d done, \\d+ events delivered of"
                                                                 + " \\d+ archived, \\d+ days left, about \\d+ s left"));
            assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("backfilling from its audit archive")
                    .contains("then the list"));
            assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("done:")
                    .contains("the Audits API list takes over from"));
        }
    }

    @Test
    void aRestartInTheMiddleOfTheArchiveLosesAndRepeatsNothing() throws Exception {
        startTenant(SandboxTenant.builder());
        List<String> expected = expectedFrom(since()).stream().map(SandboxEvent::eventId).toList();

        assertRestartLosesNothing(expected, 60);
    }

    @Test
    void aRestartExactlyAtTheHandOverLosesAndRepeatsNothing() throws Exception {
        startTenant(SandboxTenant.builder());
        List<SandboxEvent> all = expectedFrom(since());
        Instant listOldest = Instant.now().minus(RETENTION);
        int firstFromTheList = (int) all.stream().filter(e -> e.time().isBefore(listOldest)).count();

        assertRestartLosesNothing(all.stream().map(SandboxEvent::eventId).toList(), firstFromTheList);
    }

    @Test
    void aDisabledArchiveIsAWarningAndTheListStartsAtItsOldestEvent() throws Exception {
        startTenant(SandboxTenant.builder().archiveEnabled(false));
        List<SandboxEvent> list = expectedFrom(Instant.now().minus(RETENTION).plusSeconds(60));

        try (CapturedLogs logs = new CapturedLogs(Backfill.class)) {
            MockEndpoint events = run(0);
            Progress.awaitCount("events", events::getReceivedCounter, list.size());
            awaitMorePolls("backfill", 2);

            assertThat(receivedIds(events)).containsExactlyElementsOf(list.stream().map(SandboxEvent::eventId).toList());
            assertThat(logs.lines()).anySatisfy(line -> assertThat(line).startsWith("WARN")
                    .contains("audit archive of tenant 127.0.0.1").contains("is disabled")
                    .contains("the events from " + since().toString().substring(0, 10)).contains("are skipped")
                    .contains("list takes over from its oldest event"));
        }
        assertThat(sandbox.requests()).noneMatch(r -> r.path().equals("/api/v1/audits/archive"));
    }

    @Test
    void aForbiddenArchiveIsAWarningNamingWhatIsSkipped() throws Exception {
        startTenant(SandboxTenant.builder());
        sandbox.inject(Fault.serverError(1, 403));
        List<SandboxEvent> list = expectedFrom(Instant.now().minus(RETENTION).plusSeconds(60));

        try (CapturedLogs logs = new CapturedLogs(Backfill.class)) {
            MockEndpoint events = run(0);
            Progress.awaitCount("events", events::getReceivedCounter, list.size());

            assertThat(receivedIds(events)).containsAll(list.stream().map(SandboxEvent::eventId).toList());
            assertThat(logs.lines()).anySatisfy(line -> assertThat(line).startsWith("WARN")
                    .contains("is refused").contains("HTTP 403").contains("are skipped"));
        }
    }

    @Test
    void aRateLimitInTheArchiveIsWaitedOut() throws Exception {
        startTenant(SandboxTenant.builder());
        sandbox.inject(Fault.rateLimit(2, Duration.ofSeconds(1)));
        List<SandboxEvent> expected = expectedFrom(since());

        MockEndpoint events = run(0);

        Progress.awaitCount("events", events::getReceivedCounter, expected.size());
        assertThat(receivedIds(events)).containsExactlyElementsOf(expected.stream().map(SandboxEvent::eventId).toList());
        assertThat(consumer("backfill").getThrottledWaits()).isEqualTo(2);
        assertThat(sandbox.requests()).filteredOn(r -> r.status() == 429)
                .allSatisfy(r -> assertThat(r.path()).isEqualTo("/api/v1/audits/archive")).hasSize(2);
    }

    /** Runs up to the {@code failAt}th event (it fails, and every one after it), stops, and runs again. */
    private void assertRestartLosesNothing(List<String> expected, int failAt) throws Exception {
        AtomicInteger seen = new AtomicInteger();
        MockEndpoint first = run(failAt, seen);
        Progress.awaitCount("events before the failure", first::getReceivedCounter, failAt);
        Progress.awaitCount("the failing event", seen::get, failAt + 1);
        contexts.remove(context);
        context.close();

        MockEndpoint second = run(0);
        Progress.awaitCount("events after the restart", second::getReceivedCounter, expected.size() - failAt);
        awaitMorePolls("backfill", 2);

        List<String> received = new ArrayList<>(receivedIds(first));
        received.addAll(receivedIds(second));
        assertThat(received).containsExactlyElementsOf(expected);
    }

    private void startTenant(SandboxTenant.Builder builder) throws Exception {
        startSandbox(builder.retention(RETENTION)
                .history(EVENTS, Duration.ofHours(4), Instant.now().minusSeconds(10)));
    }

    private static Instant since() {
        return Instant.now().minus(Duration.ofDays(120)).plusSeconds(3600);
    }

    private List<SandboxEvent> expectedFrom(Instant from) {
        return sandbox.feed().snapshot().stream().filter(e -> !e.time().isBefore(from)).toList();
    }

    private MockEndpoint run(int failAt) throws Exception {
        return run(failAt, new AtomicInteger());
    }

    /** A context polling from since(), its position in a file; from event {@code failAt} on, it fails. */
    private MockEndpoint run(int failAt, AtomicInteger seen) throws Exception {
        context = new DefaultCamelContext();
        // durable: each context stops (and clears) its own repository, the file stays
        context.getRegistry().bind("positions",
                FileStateRepository.fileStateRepository(positions.resolve("positions.dat").toFile()));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(pollUri("since=" + since() + "&cursorRepository=#positions&stateKey=backfill"))
                        .routeId("backfill")
                        .process(exchange -> fail(exchange, failAt, seen))
                        .to("mock:events");
            }
        });
        contexts.add(context);
        context.start();
        return mock("events");
    }

    private static void fail(Exchange exchange, int failAt, AtomicInteger seen) {
        if (seen.incrementAndGet() > failAt && failAt > 0) {
            throw new IllegalStateException("the route fails from event " + failAt + " on");
        }
    }
}
