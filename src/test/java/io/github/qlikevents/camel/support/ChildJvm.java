package io.github.qlikevents.camel.support;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.qlikevents.camel.QlikLicenseEventsComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;

/** Consumer processes for the crash and leader tests: how they are started, and how they set the component up. */
public final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * Starts {@code mainClass} in a JVM of its own on the test classpath, logging to target/test-logs/{name}.log (read
     * by the secrets scan), with the tenant URL and key in its environment rather than on its command line.
     */
    public static Process launch(Class<?> mainClass, String name, String tenantUrl, String apiKey, String... args)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-Dlog4j2.configurationFile=src/test/resources/log4j2-child.xml",
                "-Dqlik.log.file=target/test-logs/" + name + ".log", "-cp", System.getProperty("java.class.path"),
                mainClass.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(Map.of("QLIK_TENANT_URL", tenantUrl, "QLIK_API_KEY", apiKey));
        builder.redirectErrorStream(true);
        builder.redirectOutput(new File("target/test-logs/" + name + ".out"));
        return builder.start();
    }

    /** In the child: the component configured from the environment, its position in a FileStateRepository. */
    public static void addComponent(CamelContext context, Path positions) {
        QlikLicenseEventsComponent component = new QlikLicenseEventsComponent();
        component.getConfiguration().setTenantUrl(System.getenv("QLIK_TENANT_URL"));
        component.getConfiguration().setApiKey(System.getenv("QLIK_API_KEY"));
        component.getConfiguration().setCursorRepository(FileStateRepository.fileStateRepository(positions.toFile()));
        context.addComponent("qlik-license-events", component);
    }
}
