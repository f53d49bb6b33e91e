package io.github.qlikevents.camel.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.qlikevents.camel.QlikLicenseEventsComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;

/**
 * Consumer processes for the crash and leader tests: how they are started, how they set the component up, and how
 * they end. None outlives its test: {@link #destroyAll()} runs after each test, and a child exits by itself when the
 * test JVM goes away ({@link #runUntilParentExits()}).
 */
public final class ChildJvm {

    /** A child's heap, in MiB, unless its launch says otherwise. */
    public static final int HEAP_MIB = 256;
    private static final List<Process> RUNNING = new CopyOnWriteArrayList<>();
    /** The component module: the tests' working directory, and the benchmarks' through qlik.component.dir. */
    private static final Path MODULE = Path.of(System.getProperty("qlik.component.dir", "."));
    /** Where the children log. */
    public static final Path LOGS = MODULE.resolve("target").resolve("test-logs");

    private ChildJvm() {
    }

    /**
     * Starts {@code mainClass} in a JVM of its own on the test classpath, logging to target/test-logs/{name}.log (read
     * by the secrets scan), with the tenant URL and key in its environment rather than on its command line.
     */
    public static Process launch(Class<?> mainClass, String name, String tenantUrl, String apiKey, String... args)
            throws Exception {
        return launch(mainClass, name, HEAP_MIB, tenantUrl, apiKey, args);
    }

    /** As {@link #launch(Class, String, String, String, String...)}, with a heap of {@code heapMiB}. */
    public static Process launch(Class<?> mainClass, String name, int heapMiB, String tenantUrl, String apiKey,
                                 String... args) throws Exception {
        Files.createDirectories(LOGS);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + heapMiB + "m", "-Dlog4j2.configurationFile="
                                         + MODULE.resolve("src/test/resources/log4j2-child.xml"),
                "-Dqlik.log.file=" + LOGS.resolve(name + ".log"), "-cp", System.getProperty("java.class.path"),
                mainClass.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(Map.of("QLIK_TENANT_URL", tenantUrl, "QLIK_API_KEY", apiKey));
        builder.redirectErrorStream(true);
        builder.redirectOutput(LOGS.resolve(name + ".out").toFile());
        Process process = builder.start();
        RUNNING.add(process);
        return process;
    }

    /** Kills every child still running, and waits until it is gone. */
    public static void destroyAll() throws InterruptedException {
        for (Process process : RUNNING) {
            process.destroyForcibly().waitFor();
        }
        RUNNING.clear();
    }

    /**
     * In the child: blocks until the test JVM that started it goes away (its standard input, a pipe from the parent,
     * reaches its end), then exits; a child whose test failed or whose JVM crashed does not poll on for ever.
     */
    public static void runUntilParentExits() throws IOException {
        System.in.transferTo(OutputStream.nullOutputStream());
        System.exit(0);
    }

    /** In the child: the component configured from the environment, its position in a FileStateRepository. */
    public static void addComponent(CamelContext context, Path positions) {
        addComponent(context, FileStateRepository.fileStateRepository(positions.toFile()));
    }

    /** In the child: the component configured from the environment, its position in {@code positions}. */
    public static void addComponent(CamelContext context, StateRepository<String, String> positions) {
        QlikLicenseEventsComponent component = new QlikLicenseEventsComponent();
        component.getConfiguration().setTenantUrl(System.getenv("QLIK_TENANT_URL"));
        component.getConfiguration().setApiKey(System.getenv("QLIK_API_KEY"));
        component.getConfiguration().setCursorRepository(positions);
        context.addComponent("qlik-license-events", component);
    }
}
