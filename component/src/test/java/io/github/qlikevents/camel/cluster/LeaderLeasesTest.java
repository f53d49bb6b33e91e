package io.github.qlikevents.camel.cluster;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import io.github.qlikevents.camel.cluster.LeaderLeases.Lease;
import io.github.qlikevents.camel.jdbc.LeaseTiming;
import io.github.qlikevents.camel.support.DatabaseServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leadership table's statements for many namespaces at once (one batch each), on the real servers replicas use:
 * two replicas adding and taking the same 300 namespaces at the same moment each get what the table says they hold,
 * and no namespace twice; a replica frees only what it holds.
 */
class LeaderLeasesTest {

    private static final List<String> NAMESPACES = IntStream.range(0, 300).mapToObj(i -> "tenant-" + i).toList();

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(DatabaseServer.Kind.class)
    void replicasTakingTheSameNamespacesAtOnceEachGetWhatTheTableSaysTheyHold(DatabaseServer.Kind kind)
            throws Exception {
        try (DatabaseServer server = DatabaseServer.start(kind, directory)) {
            LeaderLeases a = leases(DatabaseServer.dataSource(server.jdbcUrl()));
            LeaderLeases b = leases(DatabaseServer.dataSource(server.jdbcUrl()));
            a.create();
            b.create();

            both(() -> {
                a.addFree(NAMESPACES);
                return null;
            }, () -> {
                b.addFree(NAMESPACES);
                return null;
            });
            assertThat(a.read()).extracting(Lease::name).containsExactlyInAnyOrderElementsOf(NAMESPACES);

            List<Set<String>> taken = both(() -> a.take(NAMESPACES, "a"), () -> b.take(NAMESPACES, "b"));
            assertThat(taken.get(0)).as("taken by a").isEqualTo(heldBy(a, "a"));
            assertThat(taken.get(1)).as("taken by b").isEqualTo(heldBy(a, "b"));
            assertThat(taken.get(0)).as("taken by both").filteredOn(taken.get(1)::contains).isEmpty();
            assertThat(taken.get(0).size() + taken.get(1).size()).as("taken by either").isEqualTo(NAMESPACES.size());
            assertThat(a.take(NAMESPACES, "a")).as("taken again while every lease runs").isEmpty();

            b.release(taken.get(0), "b");
            assertThat(heldBy(a, "a")).as("held by a after b freed a's").isEqualTo(taken.get(0));
            a.release(taken.get(0), "a");
            assertThat(b.take(NAMESPACES, "b")).as("taken by b once a freed its").isEqualTo(taken.get(0));
        }
    }

    private static LeaderLeases leases(DataSource dataSource) {
        return new LeaderLeases(dataSource, JdbcClusterService.DEFAULT_TABLE_NAME, LeaseTiming.of("PT30S", null));
    }

    private static Set<String> heldBy(LeaderLeases leases, String id) {
        return leases.read().stream().filter(lease -> lease.heldBy(id)).map(Lease::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Runs both at the same moment, each on a thread of its own, and returns what they returned. */
    private static <T> List<T> both(Callable<T> first, Callable<T> second) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch ready = new CountDownLatch(2);
            List<Future<T>> runs = threads.invokeAll(List.of(first, second).stream().<Callable<T>> map(work -> () -> {
                ready.countDown();
                ready.await();
                return work.call();
            }).toList(), 2, TimeUnit.MINUTES);
            return Arrays.asList(runs.get(0).get(), runs.get(1).get());
        } finally {
            threads.shutdownNow();
        }
    }
}
