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
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.qlikevents.camel.sandbox.SandboxTenant;
import io.github.qlikevents.camel.support.TestSecrets;

/**
 * Many tenants in one JVM: {@link ManyTenantsApp} polls {@code tenants} sandbox tenants (this process serves them),
 * first idle, then each publishing one event a second. Measures the application's threads and heap after GC, the
 * requests a minute per idle tenant, and the p99 delivery latency under load.
 */
public final class ManyTenants {

    /** What one run measured. */
    record Result(int tenants, int threads, double heapAfterGcMiB, double idleRequestsPerTenantMinute,
                  long p99LatencyMillis, int deliveries, long delayMillis) {
    }

    /** The JVM the application runs on: a label for the report, its java executable, and extra options. */
    record Jvm(String label, String java, List<String> options) {

        /** The JVM of this build, with Camel's default (platform) threads. */
        static Jvm thisOne() {
            return new Jvm("platform threads, Java " + Runtime.version().feature(),
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), List.of());
        }
    }

    private static final long DELAY_MILLIS = 5000;

    private ManyTenants() {
    }

    /**
     * This benchmark alone: {@code [tenants] [warm-up seconds] [measured seconds] [java [options...]]}, defaults 500,
     * 60, 120 and this JVM.
     */
    public static void main(String[] args) throws Exception {
        Jvm jvm = args.length > 3
                ? new Jvm(String.join(" ", List.of(args).subList(3, args.length)), args[3],
                        List.of(args).subList(4, args.length))
                : Jvm.thisOne();
        System.out.println(run(args.length > 0 ? Integer.parseInt(args[0]) : 500,
                Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 60),
                Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 120), jvm));
    }

    static Result run(int count, Duration warmUp, Duration measured, Jvm jvm) throws Exception {
        List<SandboxTenant> tenants = new ArrayList<>();
        try {
            StringBuilder list = new StringBuilder();
            for (int i = 0; i < count; i++) {
                SandboxTenant tenant = SandboxTenant.builder().history(0, Duration.ofSeconds(1)).threads(1)
                        .apiKey(TestSecrets.API_KEY).start();
                tenants.add(tenant);
                list.append(tenant.url()).append(' ').append(TestSecrets.API_KEY).append('\n');
            }
            Path file = Files.createTempFile("qlik-tenants", ".txt");
            Files.writeString(file, list);
            List<String> command = new ArrayList<>(List.of(jvm.java(), "-Xmx512m"));
            command.addAll(jvm.options());
            command.addAll(List.of("-Dlog4j2.configurationFile=src/test/resources/log4j2-scan.xml", "-cp",
                    System.getProperty("java.class.path"), ManyTenantsApp.class.getName(), file.toString()));
            Process app = new ProcessBuilder(command).redirectErrorStream(true).start();
            BlockingQueue<String> out = linesOf(app);
            Writer in = new OutputStreamWriter(app.getOutputStream(), StandardCharsets.UTF_8);
            awaitLine(out, "READY");

            Thread.sleep(warmUp.toMillis());
            long before = requests(tenants);
            Thread.sleep(measured.toMillis());
            double idle = (requests(tenants) - before) / (double) count / (measured.toMillis() / 60_000.0);

            tenants.forEach(tenant -> tenant.publishEvery(Duration.ofSeconds(1)));
            Thread.sleep(warmUp.toMillis());
            in.write("MEASURE\n");
            in.flush();
            Thread.sleep(measured.toMillis());
            in.write("REPORT\n");
            in.flush();
            System.out.println(awaitLine(out, "THREADS"));
            String[] result = awaitLine(out, "RESULT").split(" ");
            app.waitFor(1, TimeUnit.MINUTES);
            return new Result(count, Integer.parseInt(result[1]), Long.parseLong(result[2]) / 1048576.0, idle,
                    Long.parseLong(result[3]), Integer.parseInt(result[4]), DELAY_MILLIS);
        } finally {
            tenants.forEach(SandboxTenant::close);
        }
    }

    private static long requests(List<SandboxTenant> tenants) {
        return tenants.stream().mapToLong(SandboxTenant::requestCount).sum();
    }

    /** Every line the application prints, read as it comes, so its output never blocks it. */
    private static BlockingQueue<String> linesOf(Process app) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null;) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                // the application ended
            }
        }, "many-tenants-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static String awaitLine(BlockingQueue<String> out, String prefix) throws Exception {
        for (String line; (line = out.poll(10, TimeUnit.MINUTES)) != null;) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IllegalStateException("the many-tenants application printed no " + prefix + " in 10 minutes");
    }
}
