package io.github.qlikevents.camel.webhook;

import java.util.concurrent.ExecutorService;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.component.webhook.WebhookEndpoint;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.RouteStartedEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resends a webhook's failed deliveries once the route receiving them has started (registration happens when the
 * endpoint starts, before its route listens: a resend then would fail again). Runs the resend on a thread of its own,
 * so the route's start does not wait for it; a failure is logged, and the next start tries again.
 */
public final class ResendWhenReceiving extends EventNotifierSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ResendWhenReceiving.class);

    private final CamelContext context;
    private final Endpoint receiver;
    private final FailedDeliveries deliveries;
    private final String webhookId;
    /** The endpoint stopped: a resend under way ends quietly. */
    private volatile boolean disarmed;

    /**
     * @param receiver   the endpoint whose webhook route receives the deliveries
     * @param deliveries the webhook's deliveries
     * @param webhookId  the webhook
     */
    public ResendWhenReceiving(CamelContext context, Endpoint receiver, FailedDeliveries deliveries,
                               String webhookId) {
        this.context = context;
        this.receiver = receiver;
        this.deliveries = deliveries;
        this.webhookId = webhookId;
        setIgnoreExchangeEvents(true);
    }

    /** Waits for the receiving route to start. */
    public void arm() throws Exception {
        start();
        context.getManagementStrategy().addEventNotifier(this);
    }

    /** Stops waiting (the endpoint stops); a resend under way fails on the closed client and says so at DEBUG. */
    public void disarm() {
        disarmed = true;
        stopWaiting();
    }

    private void stopWaiting() {
        context.getManagementStrategy().removeEventNotifier(this);
        stop();
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof RouteStartedEvent started
               && started.getRoute().getEndpoint() instanceof WebhookEndpoint webhook
               && webhook.getEndpoint() == receiver;
    }

    @Override
    public void notify(CamelEvent event) {
        stopWaiting();
        ExecutorService thread = context.getExecutorServiceManager().newSingleThreadExecutor(this,
                "QlikWebhookResend");
        thread.execute(() -> {
            try {
                deliveries.resend(webhookId);
            } catch (RuntimeException e) {
                if (disarmed || context.isStopping()) {
                    LOG.debug("Resending the failed deliveries of webhook {} ended by the endpoint's stop: {}",
                            webhookId, e.getMessage());
                } else {
                    LOG.warn("Resending the failed deliveries of webhook {}: {}; the next start tries again",
                            webhookId, e.getMessage());
                }
            }
        });
        thread.shutdown();
    }
}
