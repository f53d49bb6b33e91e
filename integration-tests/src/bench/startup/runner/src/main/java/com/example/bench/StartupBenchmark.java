package com.example.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.qlikevents.camel.sandbox.SandboxTenant;

/**
 * Starts each app (Spring Boot and Camel Quarkus, each with and without the component) in turn, several rounds, and
 * reports the median time from process start to a healthy HTTP answer and the median heap used after a full GC once
 * the app has polled; the figures with the component as ratios against the same app without it, same run.
 */
public final class StartupBenchmark {

    private static final int ROUNDS = 5;
    private static final String API_KEY = "startup-benchmark-key";
    private static final Pattern USED_HEAP = Pattern.compile("used (\\d+)K");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** An app: how to start it on a port, and where it answers when ready. */
    private record App(String name, String jar, String portOption, String healthPath) {
    }

    /** One start: milliseconds to healthy, KiB used after a full GC. */
    private record Start(long millis, long heapKib) {
    }

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path projects = Path.of(args[0]);
        Path report = Path.of(args[1]);
        List<App[]> pairs = List.of(
                new App[] {new App("Spring Boot", "spring-boot-without/target/spring-boot-without-1.0.0.jar",
                        "--server.port=", "/actuator/health"),
                           new App("Spring Boot + component", "spring-boot-with/target/spring-boot-with-1.0.0.jar",
                                   "--server.port=", "/actuator/health")},
                new App[] {new App("Camel Quarkus", "quarkus-without/target/quarkus-app/quarkus-run.jar",
                        "-Dquarkus.http.port=", "/q/health/ready"),
                           new App("Camel Quarkus + component", "quarkus-with/target/quarkus-app/quarkus-run.jar",
                                   "-Dquarkus.http.port=", "/q/health/ready")});
        Map<String, List<Start>> starts = new LinkedHashMap<>();
        try (SandboxTenant tenant = SandboxTenant.builder().history(200, Duration.ofSeconds(10)).apiKey(API_KEY)
                .start()) {
            for (int round = 0; round < ROUNDS; round++) {
                for (App[] pair : pairs) {
                    // alternate which of the pair starts first, so neither always gets the warmer page cache
                    for (int i = 0; i < 2; i++) {
                        App app = pair[(round + i) % 2];
                        starts.computeIfAbsent(app.name(), name -> new ArrayList<>())
                                .add(start(projects, app, tenant.url()));
                    }
                }
            }
        }
        String markdown = markdown(pairs, starts);
        Files.createDirectories(report.getParent());
        Files.writeString(report, markdown);
        System.out.println(markdown);
    }

    private static Start start(Path projects, App app, String tenantUrl) throws Exception {
        int port = freePort();
        String option = app.portOption() + port;
        List<String> command = new ArrayList<>(List.of(javaCommand("java"), "-Xmx256m"));
        if (option.startsWith("-D")) {
            command.add(option);
        }
        command.addAll(List.of("-jar", projects.resolve(app.jar()).toString()));
        if (option.startsWith("--")) {
            command.add(option);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(projects.resolve("runner/target/" + app.name().replace(' ', '-') + ".log").toFile());
        builder.environment().put("QLIK_TENANT_URL", tenantUrl);
        builder.environment().put("QLIK_API_KEY", API_KEY);
        long began = System.nanoTime();
        Process process = builder.start();
        try {
            URI health = URI.create("http://127.0.0.1:" + port + app.healthPath());
            while (!healthy(health)) {
                if (!process.isAlive() || System.nanoTime() - began > Duration.ofMinutes(2).toNanos()) {
                    throw new IllegalStateException(app.name() + " did not become healthy; see runner/target/*.log");
                }
                Thread.sleep(20);
            }
            long millis = Duration.ofNanos(System.nanoTime() - began).toMillis();
            // the poller's first poll is due a second after start: let it run before the heap is read
            Thread.sleep(3000);
            String pid = Long.toString(process.pid());
            run(javaCommand("jcmd"), pid, "GC.run");
            Matcher used = USED_HEAP.matcher(run(javaCommand("jcmd"), pid, "GC.heap_info"));
            if (!used.find()) {
                throw new IllegalStateException("no heap figure from jcmd for " + app.name());
            }
            return new Start(millis, Long.parseLong(used.group(1)));
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private static boolean healthy(URI health) {
        try {
            return HTTP.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return output;
    }

    private static String javaCommand(String tool) {
        return Path.of(System.getProperty("java.home"), "bin", tool).toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static long median(List<Start> starts, java.util.function.ToLongFunction<Start> figure) {
        long[] values = starts.stream().mapToLong(figure).sorted().toArray();
        return values[values.length / 2];
    }

    private static String markdown(List<App[]> pairs, Map<String, List<Start>> starts) {
        StringBuilder out = new StringBuilder("| startup, median of " + ROUNDS + " starts, -Xmx256m | start to healthy (ms)"
                                              + " | vs without | heap used after start and GC (MiB) | vs without |\n"
                                              + "|---|---:|---:|---:|---:|\n");
        for (App[] pair : pairs) {
            long baseMillis = median(starts.get(pair[0].name()), Start::millis);
            long baseHeap = median(starts.get(pair[0].name()), Start::heapKib);
            for (App app : pair) {
                long millis = median(starts.get(app.name()), Start::millis);
                long heap = median(starts.get(app.name()), Start::heapKib);
                out.append(String.format(Locale.ROOT, "| %s | %d | %.2fx | %.1f | %.2fx |%n", app.name(), millis,
                        (double) millis / baseMillis, heap / 1024.0, (double) heap / baseHeap));
            }
        }
        return out.toString();
    }
}
