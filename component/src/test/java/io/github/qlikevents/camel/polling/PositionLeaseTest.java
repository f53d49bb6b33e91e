package io.github.qlikevents.camel.polling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import io.github.qlikevents.camel.QlikLicenseEventsConstants;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import io.github.qlikevents.camel.state.JdbcStateRepository;
import io.github.qlikevents.camel.support.CapturedLogs;
import io.github.qlikevents.camel.support.CuttableDataSource;
import io.github.qlikevents.camel.support.Progress;
import io.github.qlikevents.camel.support.SandboxTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every state of a poller's leased claim on its position, and its way out, with two pollers of one tenant (two Camel
 * contexts, no camel-master: the lease alone decides) on one H2 database, 2 s leases: the second takes the position
 * from the first, which stands by (health UP, "standby"); the second is cut off the database: it stops delivering
 * before its lease ends and its health is DOWN with the reason; the first claims the position once that lease lapsed
 * and delivers again; the second, back on the database, finds its claim lost and stands by. Every event arrives, at
 * most a page twice per hand-over.
 */
class PositionLeaseTest extends SandboxTestSupport {

    private static final int PAGE = 100;
    private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final List<CamelContext> pollers = new ArrayList<>();
    private final List<String> deliveredByA = new ArrayList<>();
    private final List<String> deliveredByB = new ArrayList<>();

    @AfterEach
    void stopPollers() {
        pollers.forEach(CamelContext::stop);
    }

    @Test
    void aDeposedPollerStandsByAndTakesThePositionBackWhenTheLeaseOfTheOtherLapses() throws Exception {
        startSandbox(SandboxTenant.builder().history(50, Duration.ofMillis(100), Instant.now().minusSeconds(10)));
        sandbox.publishEvery(Duration.ofMillis(50));
        try (CapturedLogs claims = new CapturedLogs(PositionClaim.class)) {
            CamelContext a = poller("a", new CuttableDataSource(url), deliveredByA);
            Progress.awaitCount("delivered by a", () -> count(deliveredByA), 100);
            CuttableDataSource bDatabase = new CuttableDataSource(url);
            CamelContext b = poller("b", bDatabase, deliveredByB);
            Progress.awaitCount("delivered by b", () -> count(deliveredByB), 50);
            await("a stands by").atMost(Progress.STALL).until(() -> health(a).getMessage().orElse("")
                    .startsWith("standby, lease held by "));
            assertThat(health(a).getState()).isEqualTo(HealthCheck.State.UP);
            int aBefore = count(deliveredByA);
            Progress.awaitCount("delivered by b beside a", () -> count(deliveredByB), count(deliveredByB) + 50);
            assertThat(count(deliveredByA)).as("delivered by a standing by").isLessThanOrEqualTo(aBefore + PAGE);

            bDatabase.cut(true);
            await("b is DOWN: it holds the position and delivers nothing").atMost(Progress.STALL)
                    .until(() -> health(b).getState() == HealthCheck.State.DOWN);
            HealthCheck.Result down = health(b);
            assertThat(down.getMessage().orElse("") + " " + down.getError().map(Throwable::getMessage).orElse(""))
                    .as("the reason").contains("poll position");
            int aNow = count(deliveredByA);
            Progress.awaitCount("delivered by a again", () -> count(deliveredByA), aNow + 50);
            assertThat(claims.lines()).anyMatch(line -> line.contains("Took the claim on the poll position"));
            int bCut = count(deliveredByB);

            bDatabase.cut(false);
            await("b stands by").atMost(Progress.STALL).until(() -> health(b).getMessage().orElse("")
                    .startsWith("standby, lease held by "));
            Progress.awaitCount("delivered by a beside b", () -> count(deliveredByA), count(deliveredByA) + 50);
            assertThat(count(deliveredByB)).as("delivered by b after it was cut off").isLessThanOrEqualTo(bCut + PAGE);
        }
        sandbox.stopPublishing();
        List<String> expected = expectedIds(e -> true);
        Progress.awaitCount("every event", () -> distinct().size(), expected.size());
        assertThat(distinct()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(count(deliveredByA) + count(deliveredByB) - expected.size()).as("delivered twice")
                .isLessThanOrEqualTo(3 * PAGE);
    }

    private CamelContext poller(String name, CuttableDataSource database, List<String> delivered) throws Exception {
        JdbcStateRepository positions = new JdbcStateRepository(database);
        positions.setLeaseDuration("PT2S");
        positions.setRenewInterval("500");
        CamelContext poller = new DefaultCamelContext();
        poller.getRegistry().bind("positions", positions);
        poller.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(pollUri("since=P1D&stallTimeout=PT3S&cursorRepository=#positions")).routeId("poll-" + name)
                        .process(e -> {
                            synchronized (delivered) {
                                delivered.add(e.getMessage().getHeader(QlikLicenseEventsConstants.EVENT_ID,
                                        String.class));
                            }
                        });
            }
        });
        poller.start();
        HealthCheckRegistry health = poller.getCamelContextExtension().getContextPlugin(HealthCheckRegistry.class);
        health.register(health.resolveById("consumers"));
        pollers.add(poller);
        return poller;
    }

    private static HealthCheck.Result health(CamelContext poller) {
        return HealthCheckHelper.invoke(poller).stream().filter(r -> r.getCheck().getId().startsWith("consumer:poll-"))
                .findFirst().orElseThrow();
    }

    private int count(List<String> delivered) {
        synchronized (delivered) {
            return delivered.size();
        }
    }

    private HashSet<String> distinct() {
        HashSet<String> ids = new HashSet<>();
        synchronized (deliveredByA) {
            ids.addAll(deliveredByA);
        }
        synchronized (deliveredByB) {
            ids.addAll(deliveredByB);
        }
        return ids;
    }
}
