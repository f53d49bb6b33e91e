package com.example.qlik;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One replica of the application, run as users run it: java -jar, its log in target/&lt;name&gt;.log. */
final class Replica implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile(".*Tomcat started on port (\\d+).*");
    private static final Pattern DELIVERED = Pattern.compile(".* (replica-\\w) delivered \\S+ (\\S+)$");

    private final String name;
    private final Path log;
    private final Process process;

    private Replica(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    /** Starts a replica named {@code name} of the application on an ephemeral port, with these environment variables. */
    static Replica start(String name, Map<String, String> environment) throws IOException {
        Path log = Path.of("target", name + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", System.getProperty("application.jar"), "--server.port=0",
                "--server.address=127.0.0.1", "--qlik.replica=" + name)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new Replica(name, log, builder.start());
    }

    String name() {
        return name;
    }

    /** The event ids this replica's route logged as delivered, in order. */
    List<String> delivered() throws IOException {
        return lines().stream().map(DELIVERED::matcher).filter(Matcher::matches)
                .filter(m -> m.group(1).equals(name)).map(m -> m.group(2)).toList();
    }

    /** /actuator/health: its status code and body, once the web server is up. */
    Optional<HttpResponse<String>> health() throws IOException, InterruptedException {
        Optional<String> port = lines().stream().map(PORT::matcher).filter(Matcher::matches).map(m -> m.group(1))
                .findFirst();
        if (port.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port.get() + "/actuator/health")).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** Kills the JVM, as a node failure or an OOM kill does: nothing is released. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    private List<String> lines() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
