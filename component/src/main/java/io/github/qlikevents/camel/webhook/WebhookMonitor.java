package io.github.qlikevents.camel.webhook;

import java.util.Map;
import java.util.function.Supplier;

import io.github.qlikevents.camel.health.NamedHealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the webhook a hybrid endpoint registered: when its sweep finds events no webhook brought, looks the webhook
 * up, logs why Qlik disabled it and enables it again (or registers it again when it is gone). As a Camel health check,
 * DOWN with Qlik's reason while the webhook is disabled and could not be enabled again.
 */
public final class WebhookMonitor extends NamedHealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookMonitor.class);

    /** Registers the webhook again; the endpoint's own registration. */
    @FunctionalInterface
    public interface Registration {
        void register() throws Exception;
    }

    private final Supplier<WebhookRegistrar> registrar;
    private final Supplier<String> webhookId;
    private final Registration registration;
    private volatile String problem;

    /**
     * @param id           the health check's id
     * @param registrar    the tenant's webhooks API
     * @param webhookId    the id of the webhook this endpoint registered; null when it registered none
     * @param registration registers it again
     */
    public WebhookMonitor(String id, Supplier<WebhookRegistrar> registrar, Supplier<String> webhookId,
                          Registration registration) {
        super(id);
        this.registrar = registrar;
        this.webhookId = webhookId;
        this.registration = registration;
    }

    /** Looks at the webhook and repairs it; called when a sweep found events that no webhook brought. */
    public void check() throws Exception {
        String webhook = webhookId.get();
        if (webhook == null) {
            return;
        }
        WebhookRegistrar webhooks = registrar.get();
        WebhookRegistrar.WebhookState state = webhooks.state(webhook);
        if (state == null) {
            problem = "Qlik webhook " + webhook + " no longer exists";
            LOG.warn("{}: registering it again; the sweep delivers what it missed", problem);
            registration.register();
        } else if (!state.enabled()) {
            problem = "Qlik disabled webhook " + webhook + ": " + state.disabledReason() + " ("
                      + state.disabledReasonCode() + ")";
            LOG.warn("{}. Enabling it again; the sweep delivers what it missed", problem);
            webhooks.enable(webhook);
            LOG.info("Qlik webhook {} enabled again", webhook);
        }
        problem = null;
    }

    @Override
    public Result call(Map<String, Object> options) {
        String now = problem;
        HealthCheckResultBuilder result = HealthCheckResultBuilder.on(this).detail("webhook.id", webhookId.get());
        return (now == null ? result.up() : result.down().message(now)).build();
    }
}
