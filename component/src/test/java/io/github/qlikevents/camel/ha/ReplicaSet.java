package io.github.qlikevents.camel.ha;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.qlikevents.camel.support.ChildJvm;
import io.github.qlikevents.camel.support.Progress;

import static org.awaitility.Awaitility.await;

/**
 * Replicas of {@link FencedReplicaMain}, each a process of its own, and what each delivered: ids with the time of
 * delivery, read back from their commit files. Pauses and resumes a replica with SIGSTOP and SIGCONT, kills it with
 * SIGKILL.
 */
final class ReplicaSet {

    /** An event a replica delivered, and when. */
    record Delivery(String id, long atMillis) {
    }

    private final Path shared;
    private final String tenantUrl;
    private final String apiKey;
    private final String jdbcUrl;
    private final String leadership;
    private final long leaseMillis;
    private final Map<String, Process> replicas = new LinkedHashMap<>();

    /**
     * @param leadership  {@code zookeeper:<nodes>}, or {@code jdbc} for JdbcClusterService on the position database
     * @param leaseMillis the leases of leadership and of the position (the ZooKeeper session)
     */
    ReplicaSet(Path shared, String tenantUrl, String apiKey, String jdbcUrl, String leadership, long leaseMillis) {
        this.shared = shared;
        this.tenantUrl = tenantUrl;
        this.apiKey = apiKey;
        this.jdbcUrl = jdbcUrl;
        this.leadership = leadership;
        this.leaseMillis = leaseMillis;
    }

    /** Starts a replica and waits until its Camel context runs. */
    void start(String name) throws Exception {
        startSkewed(name, 0);
    }

    /** Starts a replica whose component's clock runs {@code seconds} ahead, and waits until its context runs. */
    void startSkewed(String name, long seconds) throws Exception {
        launch(name, seconds, ChildJvm.HEAP_MIB);
        awaitStarted(name);
    }

    /**
     * Starts a replica of one route per tenant of {@code tenantsFile}, polling every {@code delayMillis}, with a heap
     * of {@link ChildJvm#HEAP_MIB} and 0.25 MiB a tenant (a route under {@code master:} holds about 0.1 MiB, and its
     * leadership thread).
     */
    void launch(String name, String tenantsFile, int tenants, long delayMillis) throws Exception {
        launch(name, 0, ChildJvm.HEAP_MIB + tenants / 4, tenantsFile, Long.toString(delayMillis));
    }

    private void launch(String name, long skewSeconds, int heapMiB, String... tenants) throws Exception {
        Files.deleteIfExists(shared.resolve(name + ".started"));
        List<String> args = new ArrayList<>(List.of(shared.toString(), name, jdbcUrl, leadership,
                Long.toString(leaseMillis), Long.toString(skewSeconds)));
        args.addAll(List.of(tenants));
        replicas.put(name, ChildJvm.launch(FencedReplicaMain.class, "fenced-" + name, heapMiB, tenantUrl, apiKey,
                args.toArray(String[]::new)));
    }

    void awaitStarted(String name) {
        await("replica " + name + " started").atMost(Progress.STALL)
                .until(() -> Files.exists(shared.resolve(name + ".started")));
    }

    void kill(String name) throws InterruptedException {
        replicas.get(name).destroyForcibly().waitFor();
    }

    void pause(String name) throws Exception {
        signal("STOP", name);
    }

    void resume(String name) throws Exception {
        signal("CONT", name);
    }

    private void signal(String signal, String name) throws Exception {
        int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(replicas.get(name).pid())).start()
                .waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + signal + " " + name + " exited with " + exit);
        }
    }

    /** The replica delivering most recently since {@code fromMillis}, or null when none delivered since. */
    String latestDeliverer(long fromMillis) {
        String latest = null;
        long at = fromMillis - 1;
        for (String name : replicas.keySet()) {
            List<Delivery> delivered = deliveries(name);
            if (!delivered.isEmpty() && delivered.get(delivered.size() - 1).atMillis() > at) {
                at = delivered.get(delivered.size() - 1).atMillis();
                latest = name;
            }
        }
        return latest;
    }

    /** The replicas started so far, killed ones included. */
    Set<String> names() {
        return replicas.keySet();
    }

    /** What the replica delivered so far, in order. */
    List<Delivery> deliveries(String name) {
        Path file = shared.resolve("committed-" + name + ".txt");
        List<Delivery> deliveries = new ArrayList<>();
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file)) {
                    String[] parts = line.split(" ");
                    if (parts.length == 2) {
                        deliveries.add(new Delivery(parts[0], Long.parseLong(parts[1])));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return deliveries;
    }

    /** Deliveries by every replica. */
    long deliveryCount() {
        return replicas.keySet().stream().mapToLong(name -> deliveries(name).size()).sum();
    }

    /** Distinct events delivered by any replica. */
    Set<String> distinctIds() {
        Set<String> ids = new HashSet<>();
        replicas.keySet().forEach(name -> deliveries(name).forEach(d -> ids.add(d.id())));
        return ids;
    }

    /** The replicas that delivered anything at or after {@code fromMillis}. */
    Set<String> deliveringSince(long fromMillis) {
        Set<String> names = new HashSet<>();
        replicas.keySet().stream().filter(name -> deliveries(name).stream().anyMatch(d -> d.atMillis() >= fromMillis))
                .forEach(names::add);
        return names;
    }

    /** The first delivery at or after {@code fromMillis} by a replica not in {@code excluded}, or null. */
    Delivery firstDeliveryOutside(Set<String> excluded, long fromMillis) {
        return replicas.keySet().stream().filter(name -> !excluded.contains(name))
                .flatMap(name -> deliveries(name).stream()).filter(d -> d.atMillis() >= fromMillis)
                .min((x, y) -> Long.compare(x.atMillis(), y.atMillis())).orElse(null);
    }
}
