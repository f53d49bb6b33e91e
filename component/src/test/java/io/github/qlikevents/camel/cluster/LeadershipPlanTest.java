package io.github.qlikevents.camel.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.qlikevents.camel.cluster.LeaderLeases.Lease;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The decisions of one replica on the leases it read: its share, what it gives up, takes and adopts, when it wakes. */
class LeadershipPlanTest {

    private static final Duration EVERY = Duration.ofSeconds(10);
    private static final List<String> SIX = List.of("t0", "t1", "t2", "t3", "t4", "t5");

    @Test
    void aReplicaAboveItsShareGivesUpTheRest() {
        List<Lease> leases = members("a", "b", "c");
        SIX.forEach(ns -> leases.add(new Lease(ns, ns.compareTo("t4") < 0 ? "a" : "b", 20_000)));

        LeadershipPlan plan = LeadershipPlan.of("a", SIX, leases, Map.of(), Set.of(), Set.of(), EVERY);

        assertThat(plan.members()).containsExactly("a", "b", "c");
        assertThat(plan.release()).as("share: ceil(6 / 3) = 2").containsExactly("t2", "t3");
        assertThat(plan.take()).isEmpty();
    }

    @Test
    void aFreeNamespaceIsTakenBelowTheShareAndAboveItOnlyWhenItStarves() {
        List<Lease> leases = members("a", "b");
        leases.add(new Lease("t0", "a", 20_000));
        leases.add(new Lease("t1", "b", 20_000));
        leases.add(new Lease("t2", null, 0));
        leases.add(new Lease("t3", "c", -5));
        List<String> wanted = List.of("t0", "t1", "t2", "t3");

        LeadershipPlan belowShare = LeadershipPlan.of("a", wanted, leases, Map.of(), Set.of(), Set.of(), EVERY);
        assertThat(belowShare.take()).as("share 2, leading 1: one of the free ones").hasSize(1)
                .isSubsetOf("t2", "t3");

        LeadershipPlan freeAWhile = LeadershipPlan.of("a", wanted, leases, Map.of("t3", Duration.ofSeconds(2)),
                Set.of("t3"), Set.of(), EVERY);
        assertThat(freeAWhile.take()).as("free for 2 s (many reads while routes start) is not starving").hasSize(1);

        LeadershipPlan starving = LeadershipPlan.of("a", wanted, leases,
                Map.of("t3", EVERY.multipliedBy(LeadershipPlan.STARVED)), Set.of("t3"), Set.of(), EVERY);
        assertThat(starving.take()).containsExactlyInAnyOrder("t2", "t3");
        assertThat(starving.adopt()).as("given up before and free since: nobody else leads it").containsExactly("t3");
    }

    @Test
    void anAdoptedNamespaceCountsInNoShareAndAStandbyWakesWhenALeaseIsDue() {
        List<Lease> leases = members("a", "b");
        leases.add(new Lease("t0", "a", 20_000));
        leases.add(new Lease("t1", "a", 20_000));
        leases.add(new Lease("t2", "a", 20_000));
        leases.add(new Lease("t3", "b", 1_500));

        LeadershipPlan plan = LeadershipPlan.of("a", List.of("t0", "t1", "t2", "t3"), leases, Map.of(), Set.of(),
                Set.of("t2"), EVERY);

        assertThat(plan.release()).as("t2 adopted: t0 and t1 are the share of 2").isEmpty();
        assertThat(plan.wakeIn()).as("b's lease on t3 ends in 1.5 s").isEqualTo(Duration.ofMillis(1_500));
        assertThat(plan.leaders()).containsEntry("t3", "b").containsEntry("t0", "a");
    }

    private static List<Lease> members(String... ids) {
        List<Lease> leases = new ArrayList<>();
        for (String id : ids) {
            leases.add(new Lease(LeaderLeases.REPLICA + id, id, 20_000));
        }
        return leases;
    }
}
