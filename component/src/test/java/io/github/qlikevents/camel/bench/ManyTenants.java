package io.github.qlikevents.camel.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Many tenants in one JVM, as they are in life: {@link ManyTenantsApp} polls sandbox tenants that {@link TenantFarm}
 * processes serve, each on a loopback address of its own (127.0.x.y, a host of its own to the client) with a key of
 * its own, every answer late by the scenario's latency; among them slow ones (10 s answers), ones that answer 503
 * and ones that answer 429 with {@code Retry-After: 30}. First idle: the gap between a tenant's polls, connections opened, requests;
 * then a share of the healthy tenants publish one event a second: delivery latency, each event once and in order.
 * The application's threads and heap after GC are read at the end, and the health of a failing tenant of each kind.
 */
public final class ManyTenants {

    /** What the tenants are like. */
    record Scenario(int tenants, Duration latency, int slow, int unavailable, int rateLimited, int publishing,
                    boolean blocking) {

        /** {@code tenants} as in the run: 150 ms away, 2% slow, 1% 503, 1% 429, 1% publishing. */
        static Scenario ofLife(int tenants, boolean blocking) {
            return new Scenario(tenants, Duration.ofMillis(150), tenants / 50, tenants / 100, tenants / 100,
                    Math.max(1, tenants / 100), blocking);
        }

        /** What tenant {@code index} does: the first ones misbehave, the last ones publish. */
        String kind(int index) {
            if (index < slow) {
                return "slow";
            } else if (index < slow + unavailable) {
                return "503";
            } else if (index < slow + unavailable + rateLimited) {
                return "429";
            }
            return index >= tenants - publishing ? "publishing" : "ok";
        }
    }

    /** What one run measured. */
    record Result(Scenario scenario, String jvm, int threads, double heapAfterGcMiB, long p99GapMillis,
                  long slowMedianGapMillis, int tenantsPolled, double requestsPerMinute, double connectionsPerMinute,
                  long p99LatencyMillis, int deliveries, int duplicates, int outOfOrder, List<String> health,
                  long delayMillis) {
    }

    /** The JVM the application runs on: a label for the report, its java executable, and extra options. */
    record Jvm(String label, String java, List<String> options) {

        /** The JVM of this build, with Camel's default (platform) threads. */
        static Jvm thisOne() {
            return new Jvm("Java " + Runtime.version().feature(),
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), List.of());
        }
    }

    private static final long DELAY_MILLIS = 5000;
    /** Tenants per {@link TenantFarm} process: about 4 file descriptors each, of the 20,000 a process may open here. */
    private static final int FARM_SIZE = 2000;

    private ManyTenants() {
    }

    /**
     * This benchmark alone: {@code [tenants] [warm-up seconds] [measured seconds] [blocking] [java [options...]]},
     * defaults 5,000, 30, 60, false and this JVM.
     */
    public static void main(String[] args) throws Exception {
        Jvm jvm = args.length > 4
                ? new Jvm(String.join(" ", List.of(args).subList(4, args.length)), args[4],
                        List.of(args).subList(5, args.length))
                : Jvm.thisOne();
        Scenario scenario = Scenario.ofLife(args.length > 0 ? Integer.parseInt(args[0]) : 5000,
                args.length > 3 && Boolean.parseBoolean(args[3]));
        System.out.println(run(scenario, Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 30),
                Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 60), jvm));
    }

    static Result run(Scenario scenario, Duration warmUp, Duration measured, Jvm jvm) throws Exception {
        List<Child> farms = new ArrayList<>();
        Child app = null;
        try {
            for (int from = 0; from < scenario.tenants(); from += FARM_SIZE) {
                farms.add(Child.start(List.of(Jvm.thisOne().java(), "-Xmx1g", "-cp",
                        System.getProperty("java.class.path"), TenantFarm.class.getName(),
                        Integer.toString(scenario.tenants()), Long.toString(scenario.latency().toMillis()),
                        Integer.toString(scenario.slow()), Integer.toString(scenario.unavailable()),
                        Integer.toString(scenario.rateLimited()), Integer.toString(scenario.publishing()),
                        Integer.toString(from), Integer.toString(Math.min(scenario.tenants(), from + FARM_SIZE)))));
            }
            StringBuilder list = new StringBuilder();
            for (Child farm : farms) {
                for (String line; !(line = farm.awaitLine("")).equals("READY");) {
                    if (line.startsWith("TENANT ")) {
                        list.append(line, line.indexOf(' ', "TENANT ".length()) + 1, line.length()).append('\n');
                    }
                }
            }
            Path file = Files.createTempFile("qlik-tenants", ".txt");
            Files.writeString(file, list);
            // JMX off: camel-management is on the tests' classpath, not on a user's (its MBeans take 0.2 MiB a route)
            List<String> command = new ArrayList<>(List.of(jvm.java(), "-Xmx512m",
                    "-Dorg.apache.camel.jmx.disabled=true"));
            command.addAll(jvm.options());
            command.addAll(List.of("-Dlog4j2.configurationFile=src/test/resources/log4j2-scan.xml", "-cp",
                    System.getProperty("java.class.path"), ManyTenantsApp.class.getName(), file.toString(),
                    Boolean.toString(scenario.blocking())));
            app = Child.start(command);
            app.awaitLine("READY");

            Thread.sleep(warmUp.toMillis());
            long markedAt = System.nanoTime();
            farms.forEach(farm -> farm.send("MARK"));
            Thread.sleep(measured.toMillis());
            farms.forEach(farm -> farm.send("GAPS"));
            double minutes = (System.nanoTime() - markedAt) / 60e9;
            long requests = 0;
            long connections = 0;
            int polled = 0;
            List<Long> gaps = new ArrayList<>();
            List<Long> slowGaps = new ArrayList<>();
            for (Child farm : farms) {
                String[] answer = farm.awaitLine("GAPS").split(" ");
                requests += Long.parseLong(answer[1]);
                connections += Long.parseLong(answer[2]);
                polled += Integer.parseInt(answer[3]);
                addAll(gaps, answer[4]);
                addAll(slowGaps, answer[5]);
            }

            farms.forEach(farm -> farm.send("PUBLISH"));
            Thread.sleep(warmUp.toMillis());
            app.send("MEASURE");
            Thread.sleep(measured.toMillis());
            app.send("REPORT");
            System.out.println(app.awaitLine("THREADS"));
            List<String> health = new ArrayList<>();
            String line;
            while (!(line = app.awaitLine("")).startsWith("RESULT")) {
                if (line.startsWith("HEALTH ")) {
                    health.add(line.substring("HEALTH ".length()));
                }
            }
            String[] result = line.split(" ");
            app.process().waitFor(1, TimeUnit.MINUTES);
            return new Result(scenario, jvm.label(), Integer.parseInt(result[1]),
                    Long.parseLong(result[2]) / 1048576.0, percentile(gaps, 0.99), percentile(slowGaps, 0.5), polled,
                    requests / minutes, connections / minutes, Long.parseLong(result[3]), Integer.parseInt(result[4]),
                    Integer.parseInt(result[5]), Integer.parseInt(result[6]), health, DELAY_MILLIS);
        } finally {
            if (app != null) {
                app.process().destroyForcibly();
            }
            farms.forEach(farm -> farm.process().destroyForcibly());
        }
    }

    private static void addAll(List<Long> into, String csv) {
        if (!csv.equals("-")) {
            for (String value : csv.split(",")) {
                into.add(Long.parseLong(value));
            }
        }
    }

    private static long percentile(List<Long> values, double share) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.ceil(sorted.size() * share) - 1);
    }

    /** A process of the benchmark: its output read line by line as it comes (so it never blocks), its input. */
    private record Child(Process process, BlockingQueue<String> lines, Writer in) {

        static Child start(List<String> command) throws java.io.IOException {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = out.readLine()) != null;) {
                        lines.add(line);
                    }
                } catch (java.io.IOException e) {
                    // the process ended
                }
            }, "many-tenants-output");
            reader.setDaemon(true);
            reader.start();
            return new Child(process, lines, new OutputStreamWriter(process.getOutputStream(),
                    StandardCharsets.UTF_8));
        }

        void send(String command) {
            try {
                in.write(command + "\n");
                in.flush();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        String awaitLine(String prefix) throws InterruptedException {
            for (String line; (line = lines.poll(10, TimeUnit.MINUTES)) != null;) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            throw new IllegalStateException("a many-tenants process printed no " + prefix + " in 10 minutes");
        }
    }
}
