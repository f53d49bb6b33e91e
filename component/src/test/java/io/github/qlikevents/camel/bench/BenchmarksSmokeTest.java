package io.github.qlikevents.camel.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.qlikevents.camel.ha.LeadershipBenchmark;
import io.github.qlikevents.camel.model.LeaseUpdated;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every benchmark body runs once with a tiny size, so the suite cannot rot; no timing is asserted. */
class BenchmarksSmokeTest {

    @Test
    void decodeBenchmarksProduceTheSameEvent() throws Exception {
        DecodeBenchmark benchmark = new DecodeBenchmark();
        benchmark.setUp();

        assertThat(benchmark.componentCloudEvent().getBody()).isInstanceOf(LeaseUpdated.class);
        assertThat(benchmark.componentAuditItem().getBody()).isEqualTo(benchmark.componentCloudEvent().getBody());
        assertThat(benchmark.componentLegacyWebhook().getBody()).isEqualTo(benchmark.componentCloudEvent().getBody());
        for (int i = 0; i < 30; i++) {
            assertThat(benchmark.componentMixOfAllTypes().getHeader("CamelCloudEventID")).isNotNull();
        }
        assertThat(benchmark.baselinePlainJackson().data()).isEqualTo(benchmark.componentCloudEvent().getBody());
        assertThat(benchmark.baselineCloudEventsSdk()).isEqualTo(benchmark.componentCloudEvent().getBody());
        assertThat(benchmark.baselineMapAndHeaders().getHeader("CamelCloudEventID"))
                .isEqualTo(benchmark.componentCloudEvent().getHeader("CamelCloudEventID"));
    }

    @Test
    void domainDecodeBenchmarksDecodeTheSameFieldsAsTheirBaseline() throws Exception {
        for (String type : new String[] { "LEASE_UPDATED", "AUTOMATION_RUN_ENDED", "ROLE_UPDATED",
                "WEB_INTEGRATION_UPDATED", "IP_POLICY_UPDATED" }) {
            DomainDecodeBenchmark benchmark = new DomainDecodeBenchmark();
            benchmark.type = type;
            benchmark.setUp();
            org.apache.camel.Message message = benchmark.component();
            DomainDecodeBenchmark.PlainEvent<?> plain = (DomainDecodeBenchmark.PlainEvent<?>) benchmark
                    .baselinePlainJackson();
            assertThat(message.getHeader("CamelCloudEventType")).isEqualTo(plain.type())
                    .isEqualTo(io.github.qlikevents.camel.model.QlikEventType.valueOf(type).typeName());
            assertThat(message.getHeader("CamelCloudEventID")).isEqualTo(plain.id());
            assertThat(plain.data()).isNotNull();
            assertThat(message.getBody()).isInstanceOf(io.github.qlikevents.camel.model.QlikEventType.valueOf(type)
                    .bodyClass());
        }
    }

    @Test
    void pollAndWebhookHarnessesDeliverEverything() throws Exception {
        assertThat(PollThroughput.component(300).events()).isEqualTo(300);
        assertThat(PollThroughput.handWritten(300).events()).isEqualTo(300);
        assertThat(WebhookThroughput.component(50, 4).events()).isEqualTo(50);
        assertThat(WebhookThroughput.bare(50, 4).events()).isEqualTo(50);
    }

    @Test
    void pollBudgetCountsTheRequestsOfAStream() throws Exception {
        PollBudget.Result result = PollBudget.run(Duration.ofSeconds(1), Duration.ofSeconds(6), Duration.ZERO, 5)
                .get(0);

        assertThat(result.requestsPerMinute()).as("polls reached the tenant in the window").isPositive();
        assertThat(result.floorPerMinute()).isPositive();
        assertThat(result.duplicates()).isZero();
    }

    @Test
    void hybridBudgetReconcilesTheLostShareOnce() throws Exception {
        HybridBudget.Result result = HybridBudget.run(Duration.ofSeconds(1), Duration.ofSeconds(6),
                Duration.ofSeconds(6), 0.2, "&lookback=PT1S&sweepInterval=PT1S&delay=200", 20).get(0);

        assertThat(result.reconciled()).as("lost deliveries the sweep brought").isPositive();
        assertThat(result.webhookP99Millis()).isPositive();
        assertThat(result.requestsPerMinute()).isPositive();
        assertThat(result.floorPerMinute()).isPositive();
        assertThat(result.lost()).isZero();
        assertThat(result.duplicates()).isZero();
    }

    @Test
    void memoryDrainReportsAPeak() throws Exception {
        long[] result = MemoryDrain.drain(500);

        assertThat(result[0]).isPositive();
        assertThat(result[1]).isPositive();
    }

    @Test
    void archiveBackfillDrainsEveryDay() throws Exception {
        long[] result = MemoryDrain.backfill(3, 200);

        assertThat(result[0]).isPositive();
        assertThat(result[1]).isPositive();
    }

    @Test
    void leadershipDatabaseLoadCountsTheStatementsOfEachReplica() throws Exception {
        List<Map<String, Object>> rows = LeadershipBenchmark.databaseLoad(List.of(2), "PT3S", Duration.ofSeconds(1),
                Duration.ofSeconds(3));

        assertThat(rows).singleElement().satisfies(row -> assertThat(
                ((Number) row.get("statementsPerMinutePerReplica")).doubleValue()).isPositive());
    }
}
