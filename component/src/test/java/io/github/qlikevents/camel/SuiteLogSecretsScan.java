package io.github.qlikevents.camel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.qlikevents.camel.support.TestSecrets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after every other test (its own surefire execution, see pom.xml) and reads the DEBUG logs of the whole suite,
 * the test JVM's and its child processes': no secret used by any test may appear in them.
 */
class SuiteLogSecretsScan {

    @Test
    void noSecretInTheLogOfTheWholeSuite() throws Exception {
        Path log = Path.of("target", "test-logs", "suite.log");
        assertThat(log).as("the suite's log, written by log4j2-test.xml").exists();
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(log.getParent())) {
            for (Path file : files.toList()) {
                lines.addAll(Files.readAllLines(file));
            }
        }
        assertThat(lines).as("a log of a real run").hasSizeGreaterThan(100);
        for (String secret : TestSecrets.ALL) {
            assertThat(lines).as("lines with secret %s...", secret.substring(0, 10))
                    .noneMatch(line -> line.contains(secret));
        }
        // the masking Camel does was exercised, so the scan did read lines that held options
        assertThat(lines).anyMatch(line -> line.contains("apiKey=xxxxxx"));
    }
}
