package io.github.qlikevents.camel.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.github.qlikevents.camel.cluster.LeaderLeases.Lease;

/**
 * What one replica does with the leases it read: it keeps its share of the namespaces, ceil(namespaces / live
 * replicas), gives up what it holds beyond it, and takes free namespaces while below it. A namespace seen free for
 * {@link #STARVED} renewal intervals (by time: reads come faster while routes start) is taken whatever the share, so
 * that none is left unpolled when the replicas below their share cannot lead it (they run other routes, or have not
 * looked yet). One this replica gave up and then had to take so again is adopted: nobody else leads it, so it counts
 * in no share and is kept until the live replicas change, rather than given up again and again.
 *
 * @param take    namespaces to take, free now
 * @param adopt   those of {@code take} to adopt
 * @param release namespaces to give up
 * @param leaders the holder of each namespace whose lease runs
 * @param members the live replicas, this one included
 * @param wakeIn  when to read again: at the renewal interval, or sooner when a lease of a wanted namespace ends sooner
 */
record LeadershipPlan(Set<String> take, Set<String> adopt, Set<String> release, Map<String, String> leaders,
                      List<String> members, Duration wakeIn) {

    /** Renewal intervals a wanted namespace may stay free before it is taken above the share. */
    static final int STARVED = 3;

    /**
     * @param id        this replica
     * @param wanted    the namespaces this replica has a view of
     * @param leases    the rows read
     * @param freeFor   per wanted namespace seen free by earlier reads, how long since the first of them in a row
     * @param released  the namespaces this replica gave up since the live replicas last changed
     * @param adopted   the namespaces this replica adopted and holds
     * @param every     the renewal interval
     */
    static LeadershipPlan of(String id, Collection<String> wanted, List<Lease> leases, Map<String, Duration> freeFor,
                             Set<String> released, Set<String> adopted, Duration every) {
        Set<String> members = new TreeSet<>(List.of(id));
        Map<String, Lease> namespaces = new HashMap<>();
        for (Lease lease : leases) {
            if (lease.presence()) {
                if (lease.remainingMillis() > 0) {
                    members.add(lease.name().substring(LeaderLeases.REPLICA.length()));
                }
            } else {
                namespaces.put(lease.name(), lease);
            }
        }
        int share = (namespaces.size() + members.size() - 1) / members.size();
        Set<String> held = new TreeSet<>();
        // each replica prefers other free namespaces (its own order), so that replicas taking at once seldom collide
        Set<String> free = new TreeSet<>(Comparator.comparingInt((String namespace) -> (id + '/' + namespace)
                .hashCode()).thenComparing(Comparator.naturalOrder()));
        Map<String, String> leaders = new HashMap<>();
        Duration wakeIn = every;
        for (String namespace : wanted) {
            Lease lease = namespaces.get(namespace);
            if (lease == null || lease.free()) {
                free.add(namespace);
            } else {
                leaders.put(namespace, lease.holder());
                if (lease.heldBy(id)) {
                    held.add(namespace);
                } else if (lease.remainingMillis() < wakeIn.toMillis()) {
                    wakeIn = Duration.ofMillis(lease.remainingMillis());
                }
            }
        }
        List<String> shared = new ArrayList<>(held);
        shared.removeAll(adopted);
        Set<String> release = new TreeSet<>(shared.subList(Math.min(share, shared.size()), shared.size()));
        Set<String> take = new TreeSet<>();
        Set<String> adopt = new TreeSet<>();
        int leading = shared.size() - release.size();
        for (String namespace : free) {
            if (leading < share) {
                take.add(namespace);
                leading++;
            } else if (freeFor.getOrDefault(namespace, Duration.ZERO).compareTo(every.multipliedBy(STARVED)) >= 0) {
                take.add(namespace);
                if (released.contains(namespace)) {
                    adopt.add(namespace);
                }
            }
        }
        return new LeadershipPlan(take, adopt, release, leaders, List.copyOf(members), wakeIn);
    }
}
