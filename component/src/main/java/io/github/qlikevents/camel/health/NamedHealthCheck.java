package io.github.qlikevents.camel.health;

import org.apache.camel.health.HealthCheck;

/**
 * A health check of the component's own, in Camel's group, under a fixed id, that the registry can switch off: what
 * Camel's AbstractHealthCheck gives, without depending on camel-health.
 */
public abstract class NamedHealthCheck implements HealthCheck {

    private final String id;
    private volatile boolean enabled = true;

    protected NamedHealthCheck(String id) {
        this.id = id;
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
