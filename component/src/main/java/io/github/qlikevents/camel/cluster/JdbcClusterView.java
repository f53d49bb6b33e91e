package io.github.qlikevents.camel.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.support.cluster.AbstractCamelClusterView;

/**
 * One namespace of a {@link JdbcClusterService}: whether this replica leads it, and who does, as the service's last
 * read of the leadership table says. The service decides; the view tells camel-master.
 */
final class JdbcClusterView extends AbstractCamelClusterView {

    /**
     * How long after camel-master was told this replica took the namespace a loss is told once more: camel-master
     * starts the consumer a second after it is told, without looking whether the replica still leads, so a loss told
     * before that start found no consumer to stop.
     */
    static final Duration CONSUMER_START = Duration.ofSeconds(3);

    private final JdbcClusterService service;
    private final Member local;
    private volatile String leader;
    private volatile List<String> members = List.of();
    /** When camel-master was last told this replica took the namespace (System.nanoTime, on the events thread). */
    private volatile long toldTakenAt;

    JdbcClusterView(JdbcClusterService service, String namespace) {
        super(service, namespace);
        this.service = service;
        this.local = new Member(service.getId());
    }

    @Override
    public Optional<CamelClusterMember> getLeader() {
        String id = leader;
        return id == null ? Optional.empty() : Optional.of(new Member(id));
    }

    @Override
    public CamelClusterMember getLocalMember() {
        return local;
    }

    @Override
    public List<CamelClusterMember> getMembers() {
        return members.stream().<CamelClusterMember> map(Member::new).toList();
    }

    /** Whether this replica leads the namespace. */
    boolean leads() {
        return local.getId().equals(leader);
    }

    /** The service's last read: who leads ({@code null} for nobody), and the live replicas. */
    synchronized void seen(String leaderId, List<String> liveMembers) {
        members = liveMembers;
        if (!Objects.equals(leader, leaderId)) {
            boolean led = leads();
            leader = leaderId;
            Optional<CamelClusterMember> now = getLeader();
            boolean leadsNow = leads();
            service.tell(() -> {
                fireLeadershipChangedEvent(now);
                long sinceTaken = System.nanoTime() - toldTakenAt;
                if (leadsNow) {
                    toldTakenAt = System.nanoTime();
                } else if (led && sinceTaken < CONSUMER_START.toNanos()) {
                    service.tellIn(CONSUMER_START.minusNanos(sinceTaken),
                            () -> fireLeadershipChangedEvent(getLeader()));
                }
            });
        }
    }

    @Override
    protected void doStart() {
        service.joined(this);
    }

    @Override
    protected void doStop() {
        service.left(this);
        seen(null, members);
    }

    /** A replica as camel-master sees it. */
    private final class Member implements CamelClusterMember {

        private final String id;

        private Member(String id) {
            this.id = id;
        }

        @Override
        public boolean isLeader() {
            return id.equals(leader);
        }

        @Override
        public boolean isLocal() {
            return id.equals(service.getId());
        }

        @Override
        public String getId() {
            return id;
        }
    }
}
