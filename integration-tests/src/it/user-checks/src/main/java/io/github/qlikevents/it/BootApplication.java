package io.github.qlikevents.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spring Boot application run as users run it, {@code java -jar} on an ephemeral loopback port, its output in
 * target/&lt;name&gt;.log: the port it logs, HTTP requests to it, its log lines, a graceful stop or a kill. It runs on
 * the java of system property application.java when set (the Java 25 run), else on the tests' own.
 */
public final class BootApplication implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile(".*Tomcat started on port (\\d+).*");

    private final String name;
    private final Path log;
    private final Process process;

    private BootApplication(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts {@code jar} as {@code name}, with these environment variables and extra arguments; on an ephemeral port
     * unless they name {@code --server.port}.
     */
    public static BootApplication start(String name, String jar, Map<String, String> environment, String... arguments)
            throws IOException {
        Path log = Path.of("target", name + ".log");
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("application.java", Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString()), "-Xmx256m", "-jar", jar,
                "--server.address=127.0.0.1"));
        command.addAll(List.of(arguments));
        if (command.stream().noneMatch(argument -> argument.startsWith("--server.port="))) {
            command.add("--server.port=0");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new BootApplication(name, log, builder.start());
    }

    public String name() {
        return name;
    }

    /** What the application wrote so far, line by line. */
    public List<String> lines() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    /** The port its web server logged, once it is up. */
    public Optional<Integer> port() throws IOException {
        return lines().stream().map(PORT::matcher).filter(Matcher::matches).map(m -> Integer.parseInt(m.group(1)))
                .findFirst();
    }

    /** GET {@code path} on its web server (which must be up). */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(30)).build());
    }

    /** Sends {@code request} (built on {@link #url(String)}). */
    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The URL of {@code path} on its web server (which must be up). */
    public URI url(String path) throws IOException {
        return URI.create("http://127.0.0.1:" + port().orElseThrow(() -> new IllegalStateException(
                name + " has not logged its web server's port yet")) + path);
    }

    /** Stops it as a platform does (SIGTERM): Spring and Camel shut down gracefully. */
    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** Kills the JVM, as a node failure or an OOM kill does: nothing is released. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
