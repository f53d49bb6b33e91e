package io.github.qlikevents.camel.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.qlikevents.camel.cluster.JdbcClusterService;
import io.github.qlikevents.camel.ha.LeadershipBenchmark;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The benchmark suite (run by {@code mvn -B -Pbench verify}): decode with JMH, poll and webhook throughput, memory
 * under -Xmx64m, poll and hybrid mode's API cost and latencies; every figure with its baseline from the same run.
 * Writes target/bench/results.md and results.json. Sizes: -Dbench.poll.events, -Dbench.webhook.deliveries, -Dbench.memory.events (comma list).
 */
public final class BenchmarkSuite {

    /** Where CI's machines have a JDK 25 (the many-tenants benchmark also runs on it, with virtual threads). */
    private static final Path JDK_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    private static final Path OUT = Path.of("target", "bench");

    private BenchmarkSuite() {
    }

    public static void main(String[] args) throws Exception {
        int pollEvents = Integer.getInteger("bench.poll.events", 200_000);
        int webhookDeliveries = Integer.getInteger("bench.webhook.deliveries", 50_000);
        List<Integer> memoryEvents = new ArrayList<>();
        for (String n : System.getProperty("bench.memory.events", "100000,1000000").split(",")) {
            memoryEvents.add(Integer.parseInt(n.trim()));
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("date", LocalDate.now().toString());
        results.put("machine", Runtime.getRuntime().availableProcessors() + " cores, Java "
                               + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        results.put("decode", decode());
        results.put("domainDecode", domainDecode());
        results.put("poll", poll(pollEvents));
        results.put("budget", budget());
        results.put("hybrid", hybrid());
        results.put("webhook", webhook(webhookDeliveries));
        results.put("memory", memory(memoryEvents));
        results.put("manyTenants", manyTenants(Integer.getInteger("bench.tenants", 5000)));
        results.put("handOver", LeadershipBenchmark.handOver(Integer.getInteger("bench.kills", 10)));
        results.put("leadershipDatabaseLoad", LeadershipBenchmark.databaseLoad(List.of(1, 60, 500),
                JdbcClusterService.DEFAULT_LEASE_DURATION, Duration.ofSeconds(40), Duration.ofMinutes(2)));
        Files.createDirectories(OUT);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(OUT.resolve("results.json").toFile(),
                results);
        Files.writeString(OUT.resolve("results.md"), markdown(results), StandardCharsets.UTF_8);
        System.out.println(Files.readString(OUT.resolve("results.md")));
    }

    /** Per domain: the component's ops/ms and plain Jackson's, same event, same run. */
    private static Map<String, Object> domainDecode() throws Exception {
        Map<String, Object> scores = new LinkedHashMap<>();
        for (RunResult run : jmh(DomainDecodeBenchmark.class)) {
            String name = run.getParams().getBenchmark();
            @SuppressWarnings("unchecked")
            Map<String, Object> type = (Map<String, Object>) scores.computeIfAbsent(run.getParams().getParam("type"),
                    t -> new LinkedHashMap<>());
            type.put(name.substring(name.lastIndexOf('.') + 1), run.getPrimaryResult().getScore());
        }
        return scores;
    }

    private static Map<String, Object> decode() throws Exception {
        Map<String, Object> scores = new LinkedHashMap<>();
        for (RunResult run : jmh(DecodeBenchmark.class)) {
            String name = run.getParams().getBenchmark();
            scores.put(name.substring(name.lastIndexOf('.') + 1), Map.of(
                    "opsPerMs", run.getPrimaryResult().getScore(),
                    "error", run.getPrimaryResult().getScoreError()));
        }
        return scores;
    }

    /** Every benchmark of the class: one fork, 3 warm-up and 5 measured iterations of 2 s. */
    private static Collection<RunResult> jmh(Class<?> benchmarks) throws Exception {
        return new Runner(new OptionsBuilder()
                .include(benchmarks.getName() + ".*")
                .forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .jvmArgs("-Xmx1g").build()).run();
    }

    private static Map<String, Object> poll(int events) throws Exception {
        PollThroughput.component(Math.min(events, 20_000));
        PollThroughput.handWritten(Math.min(events, 20_000));
        PollThroughput.Result component = PollThroughput.component(events);
        PollThroughput.Result handWritten = PollThroughput.handWritten(events);
        return Map.of("events", events, "componentPerSecond", component.perSecond(),
                "handWrittenPerSecond", handWritten.perSecond());
    }

    private static List<Map<String, Object>> budget() throws Exception {
        List<Map<String, Object>> loads = new ArrayList<>();
        for (PollBudget.Result result : PollBudget.run(Duration.ofSeconds(210), Duration.ofMinutes(2),
                Duration.ofMinutes(3).plusSeconds(15), 0, 5, 50)) {
            loads.add(Map.of("eventsPerSecond", result.eventsPerSecond(), "requestsPerMinute",
                    result.requestsPerMinute(), "floorPerMinute", result.floorPerMinute(), "p50Millis",
                    result.p50Millis(), "p99Millis", result.p99Millis(), "late", result.late(), "lateDelivered",
                    result.lateDelivered(), "duplicates", result.duplicates()));
        }
        return loads;
    }

    /**
     * Hybrid mode with the defaults (lookback PT2M, sweepInterval PT1M, delay 5 s) at 5 and 50 events a second with a
     * tenth of the webhook deliveries lost: warm-up past lookback plus sweepInterval, 2 minutes measured, then time for
     * the window's last lost events to be swept (lookback + sweepInterval + a poll, and a margin).
     */
    private static List<Map<String, Object>> hybrid() throws Exception {
        List<Map<String, Object>> loads = new ArrayList<>();
        for (HybridBudget.Result result : HybridBudget.run(Duration.ofSeconds(210), Duration.ofMinutes(2),
                Duration.ofMinutes(3).plusSeconds(15), 0.1, "", 5, 50)) {
            Map<String, Object> load = new LinkedHashMap<>();
            load.put("eventsPerSecond", result.eventsPerSecond());
            load.put("dropShare", result.dropShare());
            load.put("requestsPerMinute", result.requestsPerMinute());
            load.put("floorPerMinute", result.floorPerMinute());
            load.put("webhookP50Millis", result.webhookP50Millis());
            load.put("webhookP99Millis", result.webhookP99Millis());
            load.put("reconciled", result.reconciled());
            load.put("reconciledP99Millis", result.reconciledP99Millis());
            load.put("reconciledMaxMillis", result.reconciledMaxMillis());
            load.put("lost", result.lost());
            load.put("duplicates", result.duplicates());
            loads.add(load);
        }
        return loads;
    }

    private static Map<String, Object> webhook(int deliveries) throws Exception {
        WebhookThroughput.bare(Math.min(deliveries, 5_000), 32);
        WebhookThroughput.component(Math.min(deliveries, 5_000), 32);
        PollThroughput.Result bare = WebhookThroughput.bare(deliveries, 32);
        PollThroughput.Result component = WebhookThroughput.component(deliveries, 32);
        return Map.of("deliveries", deliveries, "concurrency", 32, "componentPerSecond", component.perSecond(),
                "barePlatformHttpPerSecond", bare.perSecond());
    }

    /**
     * Many tenants in one JVM, as in life (150 ms away, each a host and key of its own, 2% slow, 1% 503, 1% 429, 1%
     * publishing): 30 s of warm-up and 60 s measured per phase. The baseline first: 500 tenants through a transport
     * that blocks (as polls did before they held no thread); then 500 and {@code tenants} with the built-in client,
     * and {@code tenants} again on the JDK 25 at {@link #JDK_25} where it lies.
     */
    private static List<Map<String, Object>> manyTenants(int tenants) throws Exception {
        List<Map<String, Object>> runs = new ArrayList<>();
        runs.add(manyTenants(ManyTenants.Scenario.ofLife(500, true), ManyTenants.Jvm.thisOne()));
        runs.add(manyTenants(ManyTenants.Scenario.ofLife(500, false), ManyTenants.Jvm.thisOne()));
        runs.add(manyTenants(ManyTenants.Scenario.ofLife(tenants, false), ManyTenants.Jvm.thisOne()));
        if (Files.isExecutable(JDK_25)) {
            runs.add(manyTenants(ManyTenants.Scenario.ofLife(tenants, false),
                    new ManyTenants.Jvm("Java 25", JDK_25.toString(), List.of())));
        }
        return runs;
    }

    private static Map<String, Object> manyTenants(ManyTenants.Scenario scenario, ManyTenants.Jvm jvm)
            throws Exception {
        ManyTenants.Result result = ManyTenants.run(scenario, Duration.ofSeconds(30), Duration.ofSeconds(60), jvm);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("jvm", jvm.label());
        run.put("polls", scenario.blocking() ? "blocking (baseline)" : "non-blocking");
        run.put("tenants", scenario.tenants());
        run.put("latencyMillis", scenario.latency().toMillis());
        run.put("delayMillis", result.delayMillis());
        run.put("p99GapMillis", result.p99GapMillis());
        run.put("slowMedianGapMillis", result.slowMedianGapMillis());
        run.put("tenantsPolled", result.tenantsPolled());
        run.put("threads", result.threads());
        run.put("heapAfterGcMiB", result.heapAfterGcMiB());
        run.put("requestsPerMinute", result.requestsPerMinute());
        run.put("connectionsPerMinute", result.connectionsPerMinute());
        run.put("p99LatencyMillis", result.p99LatencyMillis());
        run.put("deliveries", result.deliveries());
        run.put("duplicates", result.duplicates());
        run.put("outOfOrder", result.outOfOrder());
        run.put("health", result.health());
        return run;
    }

    private static List<Map<String, Object>> memory(List<Integer> sizes) throws Exception {
        List<Map<String, Object>> runs = new ArrayList<>();
        for (int events : sizes) {
            runs.add(drainUnder64m("list", "list", Integer.toString(events)));
        }
        runs.add(drainUnder64m("archive, 30 days of 50,000", "archive", "30", "50000"));
        return runs;
    }

    /** One MemoryDrain in a JVM of its own with -Xmx64m: events, seconds, events/s, peak heap after GC. */
    private static Map<String, Object> drainUnder64m(String label, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx64m", "-Dlog4j2.configurationFile="
                                                                     + "src/test/resources/log4j2-scan.xml",
                "-cp", System.getProperty("java.class.path"), MemoryDrain.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    result = line;
                }
            }
        }
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0 || result == null) {
            throw new IllegalStateException("the -Xmx64m drain " + String.join(" ", args) + " did not finish");
        }
        String[] parts = result.split(" ");
        long events = Long.parseLong(parts[1]);
        long elapsed = Long.parseLong(parts[2]);
        return Map.of("source", label, "events", events, "heapMax", "64m", "seconds", elapsed / 1e9,
                "peakHeapAfterGcMiB", Long.parseLong(parts[3]) / 1048576.0,
                "perSecond", events / (elapsed / 1e9));
    }

    @SuppressWarnings("unchecked")
    private static String markdown(Map<String, Object> results) {
        StringBuilder md = new StringBuilder();
        md.append("Measured ").append(results.get("date")).append(" on ").append(results.get("machine")).append(
                ", with `mvn -B -Pbench verify`.\n\n");
        Map<String, Map<String, Double>> decode = (Map<String, Map<String, Double>>) results.get("decode");
        double limit = decode.get("baselinePlainJackson").get("opsPerMs");
        md.append("| decode (JMH, ops/ms) | ops/ms | vs plain Jackson (limit) | vs CloudEvents SDK | vs Map + headers |\n")
                .append("|---|---:|---:|---:|---:|\n");
        double sdk = decode.get("baselineCloudEventsSdk").get("opsPerMs");
        double map = decode.get("baselineMapAndHeaders").get("opsPerMs");
        decode.forEach((name, score) -> md.append(String.format(Locale.ROOT, "| %s | %.1f ± %.1f | %.2fx | %.2fx | %.2fx |%n",
                name, score.get("opsPerMs"), score.get("error"), score.get("opsPerMs") / limit,
                score.get("opsPerMs") / sdk, score.get("opsPerMs") / map)));
        md.append("\n| decode per domain (JMH, one update event each) | component ops/ms | plain Jackson ops/ms |"
                  + " component vs plain Jackson (target >= 0.80x, i.e. within 1.25x) |\n|---|---:|---:|---:|\n");
        ((Map<String, Map<String, Double>>) results.get("domainDecode")).forEach((type, score) -> md.append(
                String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.2fx |%n", type, score.get("component"),
                        score.get("baselinePlainJackson"), score.get("component") / score.get("baselinePlainJackson"))));
        Map<String, Object> poll = (Map<String, Object>) results.get("poll");
        throughput(md, "poll end to end, " + poll.get("events") + " events", "events/s",
                "qlik-license-events consumer", (Double) poll.get("componentPerSecond"),
                "hand-written camel-http + jackson + split route (baseline)", (Double) poll.get("handWrittenPerSecond"));
        Map<String, Object> webhook = (Map<String, Object>) results.get("webhook");
        throughput(md, "webhook, " + webhook.get("deliveries") + " signed deliveries at concurrency 32", "requests/s",
                "webhook:qlik-license-events route", (Double) webhook.get("componentPerSecond"),
                "bare platform-http route answering 200 (baseline)", (Double) webhook.get("barePlatformHttpPerSecond"));
        md.append("\n| poll budget, defaults, 2 min measured | requests/min | floor/min | vs floor | p50 ms | p99 ms |"
                  + " late delivered | duplicates |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map<String, Object> load : (List<Map<String, Object>>) results.get("budget")) {
            double requests = (Double) load.get("requestsPerMinute");
            double floor = (Double) load.get("floorPerMinute");
            md.append(String.format(Locale.ROOT, "| %.0f events/s | %.1f | %.1f | %.2fx | %s | %s | %s of %s | %s |%n",
                    load.get("eventsPerSecond"), requests, floor, requests / floor, load.get("p50Millis"),
                    load.get("p99Millis"), load.get("lateDelivered"), load.get("late"), load.get("duplicates")));
        }
        md.append("\n| hybrid, defaults, 10% of deliveries lost, 2 min measured | Audits API requests/min | floor/min"
                  + " | vs floor | webhook p50 ms | webhook p99 ms | reconciled | reconciled p99 ms | reconciled max ms"
                  + " | lost | duplicates |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map<String, Object> load : (List<Map<String, Object>>) results.get("hybrid")) {
            double requests = (Double) load.get("requestsPerMinute");
            double floor = (Double) load.get("floorPerMinute");
            md.append(String.format(Locale.ROOT,
                    "| %.0f events/s | %.1f | %.1f | %.2fx | %s | %s | %s | %s | %s | %s | %s |%n", load.get("eventsPerSecond"), requests, floor, requests / floor, load.get("webhookP50Millis"),
                    load.get("webhookP99Millis"), load.get("reconciled"), load.get("reconciledP99Millis"),
                    load.get("reconciledMaxMillis"), load.get("lost"), load.get("duplicates")));
        }
        md.append("\n| memory, poll mode, -Xmx64m | events | seconds | events/s | peak heap after GC (MiB) |\n")
                .append("|---|---:|---:|---:|---:|\n");
        for (Map<String, Object> run : (List<Map<String, Object>>) results.get("memory")) {
            md.append(String.format(Locale.ROOT, "| drain from the %s | %s | %.1f | %.0f | %.1f |%n", run.get("source"),
                    run.get("events"),
                    run.get("seconds"), run.get("perSecond"), run.get("peakHeapAfterGcMiB")));
        }
        md.append("\n| many tenants, one JVM, -Xmx512m, 150 ms away, delay 5 s | tenants | p99 gap between polls ms"
                  + " (target delay + 2 s) | slow tenants' median gap ms | tenants polled | threads (target 64) | heap"
                  + " after GC MiB (target 256) | requests/min | connections opened/min (target 1 in 10 requests) |"
                  + " p99 delivery ms, 1% publishing 1/s (target delay + 2 s) | deliveries | duplicates | out of order"
                  + " |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map<String, Object> many : (List<Map<String, Object>>) results.get("manyTenants")) {
            md.append(String.format(Locale.ROOT, "| %s, %s | %s | %s | %s | %s | %s | %.1f | %.0f | %.0f | %s | %s | %s"
                                                 + " | %s |%n",
                    many.get("polls"), many.get("jvm"), many.get("tenants"), many.get("p99GapMillis"),
                    many.get("slowMedianGapMillis"), many.get("tenantsPolled"), many.get("threads"),
                    many.get("heapAfterGcMiB"), many.get("requestsPerMinute"), many.get("connectionsPerMinute"),
                    many.get("p99LatencyMillis"), many.get("deliveries"), many.get("duplicates"),
                    many.get("outOfOrder")));
        }
        md.append("\n| hand-over, deliverer SIGKILLed, two replicas | kills | lease ms | median ms | max ms | target ms"
                  + " (lease + delay + 2 s) | max vs target |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (Map<String, Object> run : (List<Map<String, Object>>) results.get("handOver")) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.2fx |%n", run.get("leadership"),
                    run.get("kills"), run.get("leaseMillis"), run.get("medianMillis"), run.get("maxMillis"),
                    run.get("targetMillis"), ((Number) run.get("maxMillis")).doubleValue()
                                             / ((Number) run.get("targetMillis")).doubleValue()));
        }
        md.append("\n| JdbcClusterService database load, defaults, two replicas, 2 min | namespaces | statements/min per"
                  + " replica | per namespace (target 12) | vs target |\n|---|---:|---:|---:|---:|\n");
        for (Map<String, Object> run : (List<Map<String, Object>>) results.get("leadershipDatabaseLoad")) {
            double perNamespace = ((Number) run.get("statementsPerMinutePerReplicaPerNamespace")).doubleValue();
            md.append(String.format(Locale.ROOT, "| | %s | %.1f | %.3f | %.3fx |%n", run.get("namespaces"),
                    run.get("statementsPerMinutePerReplica"), perNamespace, perNamespace / 12));
        }
        return md.toString();
    }

    /** A two-row table: the component and its baseline from the same run, with the ratio. */
    private static void throughput(StringBuilder md, String title, String unit, String componentLabel,
                                   double component, String baselineLabel, double baseline) {
        md.append(String.format(Locale.ROOT, "%n| %s | %s | ratio |%n|---|---:|---:|%n| %s | %.0f | %.2fx |%n"
                                             + "| %s | %.0f | 1.00x |%n",
                title, unit, componentLabel, component, component / baseline, baselineLabel, baseline));
    }
}
