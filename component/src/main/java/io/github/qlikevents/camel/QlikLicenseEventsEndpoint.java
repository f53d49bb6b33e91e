package io.github.qlikevents.camel;

import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.qlikevents.camel.http.QlikApiClient;
import io.github.qlikevents.camel.model.Channel;
import io.github.qlikevents.camel.model.EventTypeFilter;
import io.github.qlikevents.camel.polling.QlikEventsPollingConsumer;
import io.github.qlikevents.camel.webhook.FailedDeliveries;
import io.github.qlikevents.camel.webhook.QlikEventsWebhookHandler;
import io.github.qlikevents.camel.webhook.QlikSignature;
import io.github.qlikevents.camel.webhook.ResendWhenReceiving;
import io.github.qlikevents.camel.webhook.WebhookMonitor;
import io.github.qlikevents.camel.webhook.WebhookRegistrar;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.webhook.WebhookCapableEndpoint;
import org.apache.camel.component.webhook.WebhookConfiguration;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receive Qlik Cloud system events (licenses, automations, roles, web integrations, IP policies) as typed bodies with
 * CloudEvents headers, by polling the Audits API or from signed Qlik webhooks.
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "qlik-license-events,qlik-events",
             title = "Qlik License Events,Qlik Events", syntax = "qlik-license-events:channel",
             alternativeSyntax = "qlik-events:channel", consumerOnly = true,
             category = { Category.CLOUD, Category.SAAS, Category.MONITORING },
             headersClass = QlikLicenseEventsConstants.class)
public class QlikLicenseEventsEndpoint extends ScheduledPollEndpoint
        implements WebhookCapableEndpoint, EndpointServiceLocation {

    private static final Logger LOG = LoggerFactory.getLogger(QlikLicenseEventsEndpoint.class);
    /** The default of the delay option: 12 tail requests a minute when idle, see the component page's cost model. */
    static final long DEFAULT_DELAY_MILLIS = 5000;

    @UriPath(enums = "licenses,automations,roles,web-integrations,ip-policies",
             description = "The Qlik system-event domain: licenses, automations, roles, web-integrations or ip-policies")
    @Metadata(required = true)
    private final String channel;
    private final Channel channelValue;
    @UriParam
    private final QlikLicenseEventsConfiguration configuration;
    /**
     * Only the catalog's description and default of the delay option inherited from ScheduledPollEndpoint, whose
     * setter keeps the value (the constructor sets the default).
     */
    @UriParam(label = "consumer,scheduler", defaultValue = "" + DEFAULT_DELAY_MILLIS, javaType = "long",
              description = "Milliseconds between polls. Each idle poll costs one request: see the cost model on the"
                            + " component page.")
    private long delay;
    /** Only the catalog's description and default of initialDelay, kept by ScheduledPollEndpoint's setter. */
    @UriParam(label = "consumer,scheduler", defaultValue = "0", javaType = "long",
              description = "Milliseconds before the first poll. None by default: a poller started on a new leader at a"
                            + " hand-over polls at once.")
    private long initialDelay;

    private QlikApiClient apiClient;
    /** The Audits API poller running for this endpoint, if one is. */
    private volatile QlikEventsPollingConsumer poller;
    private final AtomicBoolean pollerStartedBefore = new AtomicBoolean();
    private WebhookConfiguration webhookConfiguration;
    private String registeredWebhookId;
    private ResendWhenReceiving resendWhenReceiving;

    public QlikLicenseEventsEndpoint(String uri, QlikLicenseEventsComponent component, Channel channel,
                                     QlikLicenseEventsConfiguration configuration) {
        super(uri, component);
        setDelay(DEFAULT_DELAY_MILLIS);
        setInitialDelay(0);
        this.channel = channel.uriName();
        this.channelValue = channel;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException(plainUri() + " is consumer only: use it in from(...)");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        QlikEventsPollingConsumer consumer = new QlikEventsPollingConsumer(this, processor);
        consumer.setMaxMessagesPerPoll(configuration.getMaxMessagesPerPoll());
        configureConsumer(consumer);
        return consumer;
    }

    /** The Audits API poller running for this endpoint (under master: on the leader only), or null. */
    public QlikEventsPollingConsumer poller() {
        return poller;
    }

    /** True the first time a poller of this endpoint starts (under master: each leadership starts one). */
    public boolean firstPollerStart() {
        return pollerStartedBefore.compareAndSet(false, true);
    }

    /** A poller of this endpoint started. */
    public void pollerStarted(QlikEventsPollingConsumer started) {
        poller = started;
    }

    /** A poller of this endpoint stopped. */
    public void pollerStopped(QlikEventsPollingConsumer stopped) {
        if (poller == stopped) {
            poller = null;
        }
    }

    /** The client for the tenant's API, created on first use with the options checked. */
    public synchronized QlikApiClient apiClient() throws Exception {
        if (apiClient == null) {
            apiClient = QlikApiClientFactory.create(configuration, getCamelContext(), getClock());
        }
        return apiClient;
    }

    @Override
    public Processor createWebhookHandler(Processor next) {
        logWhereWebhooksArrive();
        return new QlikEventsWebhookHandler(next, webhookSignature(), configuration.getMaxBodySize(),
                configuration.getIdempotentRepository(),
                EventTypeFilter.parse(configuration.getEventTypes(), channelValue),
                configuration.isReconcile() ? reconciler(next) : null);
    }

    /**
     * Hybrid mode: a consumer that only sweeps the Audits API, delivering to the same route what no webhook brought,
     * with a monitor of the registered webhook that is also a health check ({@code qlik-webhook:<webhook path>}).
     */
    private QlikEventsPollingConsumer reconciler(Processor next) {
        String path = webhookConfiguration != null ? webhookConfiguration.computeFullPath(false) : plainUri();
        WebhookMonitor monitor = new WebhookMonitor("qlik-webhook:" + path, this::webhookRegistrar,
                () -> registeredWebhookId, this::registerWebhook);
        QlikEventsPollingConsumer consumer = new QlikEventsPollingConsumer(this, next, monitor);
        consumer.setMaxMessagesPerPoll(configuration.getMaxMessagesPerPoll());
        try {
            configureConsumer(consumer);
        } catch (Exception e) {
            throw RuntimeCamelException.wrapRuntimeCamelException(e);
        }
        return consumer;
    }

    private WebhookRegistrar webhookRegistrar() {
        try {
            return new WebhookRegistrar(apiClient());
        } catch (Exception e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** One line at start: the path this route serves and the URL Qlik is told to deliver to. */
    private void logWhereWebhooksArrive() {
        if (webhookConfiguration == null) {
            return;
        }
        String path = webhookConfiguration.computeFullPath(false);
        String registered;
        try {
            registered = webhookConfiguration.isWebhookAutoRegister()
                         ? "registers " + webhookConfiguration.computeFullExternalUrl() + " with Qlik"
                         : "registers nothing (webhookAutoRegister=false)";
        } catch (UnknownHostException e) {
            registered = "cannot tell its external URL (" + e.getMessage() + "): set webhookExternalUrl";
        }
        LOG.info("Receiving Qlik webhooks of {} at path {}; {}{}", channel, path, registered,
                webhookConfiguration.getWebhookPath() == null
                ? " (the path is derived from the endpoint URI: set webhookPath for one that stays)" : "");
    }

    @Override
    public void registerWebhook() throws Exception {
        webhookSignature();
        String url = webhookConfiguration.computeFullExternalUrl();
        String name = configuration.getWebhookName() != null ? configuration.getWebhookName() : defaultWebhookName();
        WebhookRegistrar registrar = new WebhookRegistrar(apiClient());
        EventTypeFilter filter = EventTypeFilter.parse(configuration.getEventTypes(), channelValue);
        Set<String> types = registrar.offered(filter.concreteTypes(), filter.namedTypes(), plainUri(),
                configuration.getWebhookLevel());
        Set<String> pollOnly = new LinkedHashSet<>(filter.concreteTypes());
        pollOnly.removeAll(types);
        if (!pollOnly.isEmpty()) {
            LOG.warn("Qlik offers no webhook for {} on this tenant: they are not received by {}; poll for them",
                    pollOnly, plainUri());
        }
        registeredWebhookId = registrar.register(new WebhookRegistrar.Registration(name, url, types,
                configuration.getWebhookSecret(), configuration.getWebhookLevel(),
                configuration.isWebhookCloudEventDelivery(), configuration.getWebhookDescription(),
                configuration.getWebhookHeaders(), configuration.getWebhookFilter(),
                configuration.getWebhookCheckCertificateRevocation()));
        LOG.info("Qlik webhook '{}' ({}) delivers {} to {}", name, registeredWebhookId, types, url);
        if (configuration.isWebhookResendFailed() && !configuration.isReconcile()) {
            if (resendWhenReceiving != null) {
                resendWhenReceiving.disarm();
            }
            resendWhenReceiving = new ResendWhenReceiving(getCamelContext(), this, new FailedDeliveries(apiClient()),
                    registeredWebhookId);
            resendWhenReceiving.arm();
        }
    }

    @Override
    public void unregisterWebhook() throws Exception {
        if (resendWhenReceiving != null) {
            resendWhenReceiving.disarm();
            resendWhenReceiving = null;
        }
        if (registeredWebhookId != null && configuration.isWebhookUnregisterOnStop()) {
            new WebhookRegistrar(apiClient()).unregister(registeredWebhookId);
            LOG.info("Qlik webhook {} deleted", registeredWebhookId);
        }
        registeredWebhookId = null;
        if (isStoppingOrStopped()) {
            // camel-webhook may unregister after this endpoint stopped: close the client the delete needed again
            closeApiClient();
        }
    }

    @Override
    public void setWebhookConfiguration(WebhookConfiguration webhookConfiguration) {
        this.webhookConfiguration = webhookConfiguration;
    }

    @Override
    public List<String> getWebhookMethods() {
        return List.of("POST");
    }

    private QlikSignature webhookSignature() {
        return QlikSignature.withSecret(configuration.getWebhookSecret(), "webhookSecret");
    }

    /**
     * camel- and the webhook path (which camel-webhook derives from the route's endpoint URI unless webhookPath is
     * set): the same on every replica, different for each route.
     */
    private String defaultWebhookName() {
        String path = webhookConfiguration.computeFullPath(false).replaceAll("[^A-Za-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        return "camel-" + path;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ServiceHelper.startService(configuration.getIdempotentRepository());
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        ServiceHelper.stopService(configuration.getIdempotentRepository());
        closeApiClient();
    }

    private synchronized void closeApiClient() throws IOException {
        if (apiClient != null) {
            apiClient.close();
            apiClient = null;
        }
    }

    /** The clock option, or the system clock (UTC). */
    public Clock getClock() {
        return configuration.getClock() != null ? configuration.getClock() : Clock.systemUTC();
    }

    public String getChannel() {
        return channel;
    }

    /** The URI as a route names it, scheme:channel (Camel normalises it to scheme://channel). */
    private String plainUri() {
        return getEndpointBaseUri().replaceFirst("://", ":");
    }

    /** The channel of the URI path. */
    public Channel channel() {
        return channelValue;
    }

    public QlikLicenseEventsConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public String getServiceUrl() {
        return configuration.getTenantUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "https";
    }
}
