package io.github.qlikevents.camel;

import java.time.Clock;
import java.util.Map;

import io.github.qlikevents.camel.http.QlikTransport;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/** The options shared by the polling and webhook modes; set per endpoint, or once on the component. */
@UriParams
public class QlikLicenseEventsConfiguration implements Cloneable {

    @UriParam(label = "common")
    @Metadata(required = true)
    private String tenantUrl;
    @UriParam(label = "security", secret = true)
    private String apiKey;
    @UriParam(label = "security")
    private String clientId;
    @UriParam(label = "security", secret = true)
    private String clientSecret;
    @UriParam(label = "common",
              description = "Comma-separated event types to deliver. A name ending in an asterisk (wildcard) matches"
                            + " every type with that prefix: com.qlik.v1.license.lease. plus an asterisk selects the"
                            + " lease events. Default: every event type of the channel, including types Qlik adds later.")
    private String eventTypes;

    @UriParam(label = "consumer", defaultValue = "100")
    private int pageSize = 100;
    @UriParam(label = "consumer")
    private String source;
    @UriParam(label = "consumer")
    private String since;
    @UriParam(label = "consumer", defaultValue = "PT2M")
    private String lookback = "PT2M";
    @UriParam(label = "consumer", defaultValue = "PT1M")
    private String sweepInterval = "PT1M";
    @UriParam(label = "consumer,advanced")
    private String stallTimeout;
    @UriParam(label = "consumer")
    private StateRepository<String, String> cursorRepository;
    @UriParam(label = "consumer")
    private String stateKey;
    @UriParam(label = "consumer", defaultValue = "0")
    private int maxMessagesPerPoll;
    @UriParam(label = "advanced", defaultValue = "10000")
    private int connectTimeout = 10_000;
    @UriParam(label = "advanced", defaultValue = "30000")
    private int readTimeout = 30_000;
    @UriParam(label = "advanced", defaultValue = "4")
    private int maxRetries = 4;
    @UriParam(label = "advanced", defaultValue = "1000")
    private long retryDelay = 1000;
    @UriParam(label = "consumer", defaultValue = "500")
    private int maxRequestsPerMinute = 500;
    @UriParam(label = "consumer,advanced", defaultValue = "8")
    private int pollerThreads = 8;
    @UriParam(label = "advanced")
    @Metadata(autowired = true)
    private QlikTransport transport;
    @UriParam(label = "advanced")
    private Clock clock;
    @UriParam(label = "proxy")
    private String proxyHost;
    @UriParam(label = "proxy")
    private Integer proxyPort;
    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "webhook,security", secret = true)
    private String webhookSecret;
    @UriParam(label = "webhook", defaultValue = "1048576")
    private int maxBodySize = 1_048_576;
    @UriParam(label = "webhook")
    private IdempotentRepository idempotentRepository;
    @UriParam(label = "webhook")
    private String webhookName;
    @UriParam(label = "webhook", enums = "tenant,user", defaultValue = "tenant")
    private String webhookLevel = "tenant";
    @UriParam(label = "webhook", defaultValue = "false")
    private boolean webhookCloudEventDelivery;
    @UriParam(label = "webhook", defaultValue = "true")
    private boolean webhookUnregisterOnStop = true;
    @UriParam(label = "webhook", defaultValue = "false")
    private boolean reconcile;
    @UriParam(label = "webhook,security", secret = true)
    private Map<String, String> webhookHeaders;
    @UriParam(label = "webhook")
    private String webhookFilter;
    @UriParam(label = "webhook,security")
    private Boolean webhookCheckCertificateRevocation;
    @UriParam(label = "webhook")
    private String webhookDescription;
    @UriParam(label = "webhook", defaultValue = "true")
    private boolean webhookResendFailed = true;

    public String getTenantUrl() {
        return tenantUrl;
    }

    /**
     * The base URL of the Qlik Cloud tenant, e.g. https://acme.eu.qlikcloud.com. Must be https, except for a loopback
     * host (the embedded sandbox, tests).
     */
    public void setTenantUrl(String tenantUrl) {
        this.tenantUrl = tenantUrl;
    }

    public String getApiKey() {
        return apiKey;
    }

    /** A Qlik API key, sent as a bearer token. Set either this or clientId and clientSecret. */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getClientId() {
        return clientId;
    }

    /** The client id of a Qlik OAuth2 machine-to-machine client (client credentials grant). */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    /** The client secret of the Qlik OAuth2 machine-to-machine client. */
    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getEventTypes() {
        return eventTypes;
    }

    /**
     * Comma-separated event types to deliver; a trailing * matches a prefix, e.g. com.qlik.v1.license.lease.*.
     * Default: every event type of the channel, including types Qlik adds later.
     */
    public void setEventTypes(String eventTypes) {
        this.eventTypes = eventTypes;
    }

    public int getPageSize() {
        return pageSize;
    }

    /** How many audit items to ask for per page, 1 to 100 (Qlik's maximum). */
    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public String getSource() {
        return source;
    }

    /**
     * The Audits API source to ask for when more than one event type is wanted. Default: the channel's
     * (com.qlik/licenses, com.qlik/automations, com.qlik/identities, com.qlik/iam-resources; none for
     * web-integrations, whose source Qlik does not publish); empty asks for every source. The channel and eventTypes
     * are always checked on the client.
     */
    public void setSource(String source) {
        this.source = source;
    }

    public String getSince() {
        return since;
    }

    /**
     * Where a consumer without a stored position starts: an ISO-8601 instant (2026-11-01T00:00:00Z), or a duration
     * meaning that long ago (P7D). Default: now, i.e. only new events. A stored position always wins.
     */
    public void setSince(String since) {
        this.since = since;
    }

    public String getLookback() {
        return lookback;
    }

    /**
     * How late Qlik may make an event visible after its eventTime (ISO-8601 duration): sweeps re-read each event
     * once when its lookback has passed, so those indexed late are still delivered, once.
     */
    public void setLookback(String lookback) {
        this.lookback = lookback;
    }

    public String getSweepInterval() {
        return sweepInterval;
    }

    /**
     * How often a sweep re-reads, once, the events whose lookback has passed since the last sweep (ISO-8601
     * duration), to deliver those Qlik indexed late: each costs about one request per 100 events published. A late
     * event arrives within lookback plus sweepInterval of its eventTime. PT0S turns sweeps off.
     */
    public void setSweepInterval(String sweepInterval) {
        this.sweepInterval = sweepInterval;
    }

    public StateRepository<String, String> getCursorRepository() {
        return cursorRepository;
    }

    /**
     * Where the poll position is kept: any Camel StateRepository, e.g. a FileStateRepository for restarts, or the
     * component's JdbcStateRepository for several replicas (a database they share; a replica taken over from is
     * fenced off). Default: in memory (lost on restart).
     */
    public void setCursorRepository(StateRepository<String, String> cursorRepository) {
        this.cursorRepository = cursorRepository;
    }

    public String getStateKey() {
        return stateKey;
    }

    /** The key of the poll position in the cursorRepository. Default: derived from channel, tenant and filters. */
    public void setStateKey(String stateKey) {
        this.stateKey = stateKey;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    /** The most events delivered by one poll; 0 means no limit (the poll drains every page). */
    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public int getConnectTimeout() {
        return connectTimeout;
    }

    /** Milliseconds to wait for a connection to the tenant. */
    public void setConnectTimeout(int connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public int getReadTimeout() {
        return readTimeout;
    }

    /** Milliseconds to wait for the tenant's response data. */
    public void setReadTimeout(int readTimeout) {
        this.readTimeout = readTimeout;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    /** How many times a request failing with 5xx, a timeout or a connection error is retried before the poll fails. */
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryDelay() {
        return retryDelay;
    }

    /**
     * Milliseconds before the first retry; each further retry waits about twice as long (with jitter), up to 30
     * seconds. A 429 waits what Qlik's Retry-After says instead.
     */
    public void setRetryDelay(long retryDelay) {
        this.retryDelay = retryDelay;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    /** An HTTP proxy host for calls to the tenant. */
    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    /** The HTTP proxy port. */
    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /** TLS settings (trust store, protocols) for calls to the tenant, the Camel way. */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    /**
     * Webhook mode: the secret Qlik signs each delivery with (HMAC-SHA256 in the Qlik-Signature header), 32 to 64
     * characters. Requests without a valid signature are refused with 401.
     */
    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    public int getMaxBodySize() {
        return maxBodySize;
    }

    /** Webhook mode: the largest request body accepted, in bytes, after gzip decompression; larger gets 413. */
    public void setMaxBodySize(int maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    /**
     * Webhook mode: drops deliveries of an event id already processed (Qlik retries, and a valid signature does not
     * stop a replay), answering 200. Use a shared repository (JDBC, Infinispan, Redis) when several replicas run.
     */
    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public String getWebhookName() {
        return webhookName;
    }

    /**
     * Webhook mode: the name of the Qlik webhook registered. Default: camel- followed by the webhook path, the same on
     * every replica of a route.
     */
    public void setWebhookName(String webhookName) {
        this.webhookName = webhookName;
    }

    public String getWebhookLevel() {
        return webhookLevel;
    }

    /** Webhook mode: the level of the registered webhook, tenant or user. */
    public void setWebhookLevel(String webhookLevel) {
        this.webhookLevel = webhookLevel;
    }

    public boolean isWebhookCloudEventDelivery() {
        return webhookCloudEventDelivery;
    }

    /**
     * Webhook mode: register the webhook with Qlik's CloudEvents 1.0 delivery format. Qlik cannot turn it off once
     * on; every delivery format is accepted either way.
     */
    public void setWebhookCloudEventDelivery(boolean webhookCloudEventDelivery) {
        this.webhookCloudEventDelivery = webhookCloudEventDelivery;
    }

    public boolean isWebhookUnregisterOnStop() {
        return webhookUnregisterOnStop;
    }

    /**
     * Webhook mode: delete the registered webhook when the route stops. Set false when several replicas share one
     * webhook, so that one replica stopping does not cut off the others.
     */
    public void setWebhookUnregisterOnStop(boolean webhookUnregisterOnStop) {
        this.webhookUnregisterOnStop = webhookUnregisterOnStop;
    }

    public boolean isReconcile() {
        return reconcile;
    }

    /**
     * Webhook mode: also sweep the Audits API on the poller's schedule (each event read once, after lookback) and
     * deliver every event of the channel that no webhook brought, with CamelQlikReconciled=true; each event comes
     * once whichever path sees it first, and a disabled webhook is noticed, reported and enabled again.
     */
    public void setReconcile(boolean reconcile) {
        this.reconcile = reconcile;
    }

    public int getMaxRequestsPerMinute() {
        return maxRequestsPerMinute;
    }

    /**
     * The most requests sent to the tenant in any minute by every endpoint of the JVM that calls it as the same user
     * (API key or OAuth2 client), retries and token requests included: a cap of its own below Qlik's limit (about
     * 1,000 a minute per user, shared with everything else the same user or OAuth client does). A backlog drains at
     * this pace. 0 for no cap (Qlik's 429s are still waited out).
     */
    public void setMaxRequestsPerMinute(int maxRequestsPerMinute) {
        this.maxRequestsPerMinute = maxRequestsPerMinute;
    }

    public int getPollerThreads() {
        return pollerThreads;
    }

    /**
     * Threads of the one pool every poller of the Camel context shares (the largest value set wins), unless an
     * endpoint sets scheduledExecutorService: raise it when routes take long over each event.
     */
    public void setPollerThreads(int pollerThreads) {
        this.pollerThreads = pollerThreads;
    }

    public String getStallTimeout() {
        return stallTimeout;
    }

    /**
     * How long a poller that should be delivering (it holds its position) may go without completing a poll or storing
     * a page before its health check is DOWN, as an ISO-8601 duration; by default five times delay, at least PT1M.
     */
    public void setStallTimeout(String stallTimeout) {
        this.stallTimeout = stallTimeout;
    }

    public QlikTransport getTransport() {
        return transport;
    }

    /**
     * The HTTP transport to the tenant, instead of the built-in non-blocking Apache HttpClient 5 one (then
     * connectTimeout, readTimeout, the proxy and sslContextParameters do not apply): a fake API in tests, or a client of
     * your own (implement executeAsync, or each poll holds a thread while the tenant answers). Autowired when the
     * registry holds exactly one.
     */
    public void setTransport(QlikTransport transport) {
        this.transport = transport;
    }

    public Clock getClock() {
        return clock;
    }

    /** The clock for poll positions and token expiry; the system clock (UTC) unless set, e.g. by a test. */
    public void setClock(Clock clock) {
        this.clock = clock;
    }

    public Map<String, String> getWebhookHeaders() {
        return webhookHeaders;
    }

    /**
     * Webhook mode: headers Qlik adds to every delivery, e.g. what an API gateway in front of the receiver checks;
     * registered as Qlik's encryptedHeaders (never shown again, never logged). A map: set it on the component, in
     * properties (one per header, its name in square brackets after webhookHeaders; placeholders and vault references
     * resolved) or as a #bean reference, never with its values in an endpoint URI. Unset: the headers an admin set in
     * Qlik stay.
     */
    public void setWebhookHeaders(Map<String, String> webhookHeaders) {
        this.webhookHeaders = webhookHeaders;
    }

    public String getWebhookFilter() {
        return webhookFilter;
    }

    /**
     * Webhook mode: Qlik's filter expression for the deliveries, passed through, e.g. spaceId eq "abc" (SCIM style on
     * id, spaceId, topLevelResourceId). Unset: the filter an admin set in Qlik stays.
     */
    public void setWebhookFilter(String webhookFilter) {
        this.webhookFilter = webhookFilter;
    }

    public Boolean getWebhookCheckCertificateRevocation() {
        return webhookCheckCertificateRevocation;
    }

    /**
     * Webhook mode: whether Qlik checks the receiver's TLS certificate for revocation before each delivery. Unset:
     * what an admin set in Qlik stays.
     */
    public void setWebhookCheckCertificateRevocation(Boolean webhookCheckCertificateRevocation) {
        this.webhookCheckCertificateRevocation = webhookCheckCertificateRevocation;
    }

    public String getWebhookDescription() {
        return webhookDescription;
    }

    /**
     * Webhook mode: the description of the registered webhook. Unset: a new webhook gets a default one, and the
     * description an admin wrote stays.
     */
    public void setWebhookDescription(String webhookDescription) {
        this.webhookDescription = webhookDescription;
    }

    public boolean isWebhookResendFailed() {
        return webhookResendFailed;
    }

    /**
     * Webhook mode without reconcile: once the route receives, ask Qlik to resend the deliveries of the last 7 days
     * whose event never arrived (each once, within Qlik's Tier 2 limit). With reconcile the sweep brings them instead.
     */
    public void setWebhookResendFailed(boolean webhookResendFailed) {
        this.webhookResendFailed = webhookResendFailed;
    }

    /** A copy for one endpoint, so endpoint options never change the component's. */
    public QlikLicenseEventsConfiguration copy() {
        try {
            return (QlikLicenseEventsConfiguration) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
