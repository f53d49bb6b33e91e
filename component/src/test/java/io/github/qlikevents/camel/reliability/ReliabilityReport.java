package io.github.qlikevents.camel.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Keeps one row per fault or abuse scenario in target/reliability/results.md, for the Reliability page. */
public final class ReliabilityReport {

    private static final Path REPORT = Path.of("target", "reliability", "results.md");

    private ReliabilityReport() {
    }

    /**
     * Records a scenario.
     *
     * @param scenario   what was tried
     * @param sent       events (or requests) sent
     * @param delivered  distinct events that reached the route
     * @param duplicated deliveries beyond the first of an event
     * @param lost       events that never reached the route
     */
    public static synchronized void record(String scenario, long sent, long delivered, long duplicated, long lost)
            throws IOException {
        Files.createDirectories(REPORT.getParent());
        List<String> rows = new ArrayList<>(Files.exists(REPORT) ? Files.readAllLines(REPORT) : List.of());
        if (rows.isEmpty()) {
            rows.add("| scenario | sent | delivered | duplicated | lost |");
            rows.add("|---|---:|---:|---:|---:|");
        }
        String row = "| " + scenario + " | ";
        rows.removeIf(line -> line.startsWith(row));
        rows.add(row + sent + " | " + delivered + " | " + duplicated + " | " + lost + " |");
        Files.write(REPORT, rows, StandardCharsets.UTF_8);
    }
}
