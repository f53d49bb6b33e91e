package io.github.qlikevents.camel.cluster;

import java.util.Map;

import io.github.qlikevents.camel.health.NamedHealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * The readiness check of a {@link JdbcClusterService} ({@code jdbc-cluster-service}): DOWN, with the reason, once the
 * replica has stepped down because it could not renew its leases (the database is down or refuses it), so that a
 * database outage, when no replica leads and nothing is delivered, shows in health; UP otherwise, with the namespaces
 * the replica leads. Not a liveness check: restarting a replica does not bring a database back.
 */
final class LeadershipHealthCheck extends NamedHealthCheck {

    /** The check's id in Camel's health registry. */
    static final String ID = "jdbc-cluster-service";

    private final JdbcClusterService service;

    LeadershipHealthCheck(JdbcClusterService service) {
        super(ID);
        this.service = service;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this).detail("replica", service.getId())
                .detail("leads", service.ledNamespaces());
        String failure = service.renewalFailure();
        if (failure != null && service.steppedDown()) {
            return builder.down().detail("renewal.failure", failure)
                    .message("Replica " + service.getId() + " could not renew its leadership leases (" + failure
                             + ") and leads nothing until it can: while every replica is in this state, no master: "
                             + "route delivers")
                    .build();
        }
        return builder.up().build();
    }
}
