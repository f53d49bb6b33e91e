package io.github.qlikevents.camel.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.github.qlikevents.camel.model.Channel;
import io.github.qlikevents.camel.model.QlikEventType;

/**
 * An in-process emulator of the Qlik Cloud tenant endpoints this component calls: the Audits API, OAuth2 client
 * credentials and webhooks (registrations, and signed deliveries of published events), on a loopback port. It behaves like Qlik as described in the component docs (newest
 * first by default, opaque cursors, 90 days kept, Qlik-style errors) and misbehaves on request ({@link Fault}, late
 * events, repeated items, expiring cursors and tokens). Tests, the demo and the benchmarks use it.
 */
public final class SandboxTenant implements AutoCloseable {

    /** The origin of {@link Fault#foreignNextLink(int)} and {@link Fault#foreignRedirect(int)}. */
    public static final String FOREIGN_ORIGIN = "https://foreign.invalid";

    private static final int REQUEST_LOG_SIZE = 10_000;
    /** Connections waiting to be accepted: enough for hundreds of clients at once on a busy machine. */
    private static final int BACKLOG = 1024;

    private final Builder config;
    private final Clock clock;
    private final EventFeed feed;
    private final AuditsEndpoint audits = new AuditsEndpoint(this);
    private final OAuthEndpoint oauth;
    private final WebhooksEndpoint webhooks;
    private final WebhookDispatcher dispatcher;
    private final DeliveriesEndpoint deliveriesApi;
    private final Map<Fault.Target, Deque<Fault>> faults = new EnumMap<>(Fault.Target.class);
    private final Map<Fault, AtomicLong> faultUses = new HashMap<>();
    private final Deque<SandboxRequest> requests = new ArrayDeque<>();
    private final AtomicLong requestCount = new AtomicLong();
    /** The client sockets requests came from: each a connection the client opened. */
    private final Set<InetSocketAddress> connections = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean duplicatesAcrossPages = new AtomicBoolean();
    private volatile long cursorsValidFromNanos = Long.MIN_VALUE;
    private HttpServer server;
    private ExecutorService executor;
    private ScheduledExecutorService publisher;

    private SandboxTenant(Builder config) {
        this.config = config;
        this.clock = config.clock;
        Instant historyEnd = config.historyEnd != null ? config.historyEnd : clock.instant();
        // Qlik's event times have millisecond precision
        Instant historyStart = historyEnd.minusNanos(config.spacing.toNanos() * config.historySize)
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        this.feed = new EventFeed(new EventGenerator(config.seed, config.tenantId, config.channels), config.historySize,
                historyStart, config.spacing);
        this.oauth = new OAuthEndpoint(config.clients, config.tokenLifetime);
        this.webhooks = new WebhooksEndpoint(config.webhookQuota, config.webhookEventTypes, config.tenantLevelOnly,
                this::url);
        this.dispatcher = new WebhookDispatcher(webhooks, config.webhookDisableAfter, config.seed);
        this.deliveriesApi = new DeliveriesEndpoint(webhooks, dispatcher, feed::find, this::url);
        feed.onPublish(dispatcher::dispatch);
    }

    /** A new sandbox to configure. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts serving on the loopback address. */
    public SandboxTenant start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(config.address, config.port), BACKLOG);
        executor = Executors.newFixedThreadPool(config.threads, r -> {
            Thread thread = new Thread(r, "qlik-sandbox-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    /** The tenant URL to configure the component with, e.g. http://127.0.0.1:41234. */
    public String url() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** The port served on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The events of this tenant. */
    public EventFeed feed() {
        return feed;
    }

    /** Queues a misbehaviour for the next requests of its target; queued faults apply one after another. */
    public SandboxTenant inject(Fault fault) {
        faults(fault.target()).add(fault);
        return this;
    }

    /** Makes every cursor issued so far invalid (400), like a cursor that has expired. */
    public void expireCursors() {
        cursorsValidFromNanos = System.nanoTime();
    }

    /** Revokes every OAuth token issued so far, like tokens that expire. */
    public void expireTokens() {
        oauth.revokeAll();
    }

    /** When on, each page after the first repeats the last item of the page before. */
    public void duplicateAcrossPages(boolean on) {
        duplicatesAcrossPages.set(on);
    }

    /** Publishes a generated event at the current time every {@code interval}, until stopped. */
    public void publishEvery(Duration interval) {
        publisher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "qlik-sandbox-publisher");
            thread.setDaemon(true);
            return thread;
        });
        publisher.scheduleAtFixedRate(() -> feed.publishGenerated(now()), 0, interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Stops what {@link #publishEvery(Duration)} started. */
    public void stopPublishing() {
        if (publisher != null) {
            publisher.shutdownNow();
        }
    }

    /** The last requests received (at most 10,000), oldest first. */
    public List<SandboxRequest> requests() {
        synchronized (requests) {
            return new ArrayList<>(requests);
        }
    }

    /** How many requests were received in all. */
    public long requestCount() {
        return requestCount.get();
    }

    /** How many connections clients opened to the tenant so far. */
    public int connectionCount() {
        return connections.size();
    }

    /** The webhooks registered now. */
    public List<SandboxWebhook> webhooks() {
        return List.copyOf(webhooks.all());
    }

    /**
     * Changes a registered webhook as an admin does in the management console: {@code change} gets every written
     * field (secret and encrypted header values included) and returns what to store.
     */
    public void editWebhook(String id, UnaryOperator<ObjectNode> change) {
        webhooks.edit(id, change);
    }

    /** Every webhook delivery attempt so far. */
    public List<SandboxDelivery> deliveries() {
        return dispatcher.deliveries();
    }

    /** Loses this share (0 to 1) of webhook deliveries from now on, before any attempt, as a flaky network would. */
    public void dropWebhookDeliveries(double share) {
        dispatcher.dropShare(share);
    }

    /** How long each webhook delivery attempt waits for the receiver from now on (default 10 s). */
    public void webhookTimeout(Duration timeout) {
        dispatcher.timeout(timeout);
    }

    /** Delivers the event again to the enabled webhooks, as Qlik's resend action does. */
    public void resendWebhookDelivery(String eventId) {
        dispatcher.resend(feed.find(eventId));
    }

    Instant now() {
        return clock.instant();
    }

    /** Whether the tenant archives events older than its retention. */
    boolean archiveEnabled() {
        return config.archiveEnabled;
    }

    Duration retention() {
        return config.retention;
    }

    long cursorsValidFromNanos() {
        return cursorsValidFromNanos;
    }

    boolean duplicatesAcrossPages() {
        return duplicatesAcrossPages.get();
    }

    @Override
    public void close() {
        if (publisher != null) {
            publisher.shutdownNow();
        }
        dispatcher.close();
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        config.concurrentRequests.begin();
        try {
            answer(exchange);
        } finally {
            config.concurrentRequests.end();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        connections.add(exchange.getRemoteAddress());
        String path = exchange.getRequestURI().getPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        boolean authorized = false;
        String credential = null;
        SandboxResponse response;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            if ("/oauth/token".equals(path)) {
                String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
                response = !"POST".equals(exchange.getRequestMethod())
                        ? SandboxResponse.error(405, "Method not allowed", "use POST")
                        : faultedOr(Fault.Target.TOKEN, () -> oauth.token(body, contentType, now()));
            } else {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                int authStatus = authorize(authorization);
                authorized = authStatus == 200;
                credential = credentialName(authorization);
                response = authorized ? route(exchange.getRequestMethod(), path, rawQuery, body)
                        : SandboxResponse.error(authStatus, authStatus == 401 ? "Unauthorized" : "Forbidden",
                                authStatus == 401 ? "missing or invalid bearer token" : "not allowed to read audits");
            }
        } catch (RuntimeException | IOException e) {
            response = SandboxResponse.error(400, "Bad request", String.valueOf(e.getMessage()));
        }
        log(new SandboxRequest(now(), exchange.getRequestMethod(), path, rawQuery, response.status(), authorized,
                credential));
        if (!config.latency.isZero()) {
            try {
                Thread.sleep(config.latency.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        send(exchange, response);
    }

    private int authorize(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return 401;
        }
        String token = header.substring("Bearer ".length());
        if (config.restrictedApiKeys.contains(token)) {
            return 403;
        }
        return config.apiKeys.contains(token) || oauth.valid(token, now()) ? 200 : 401;
    }

    private SandboxResponse route(String method, String path, String rawQuery, byte[] body) throws IOException {
        if (DeliveriesEndpoint.handles(path)) {
            return faultedOr(Fault.Target.DELIVERIES,
                    () -> deliveriesApi.handle(method, path, SandboxHttp.parseQuery(rawQuery)));
        }
        if (path.startsWith(WebhooksEndpoint.BASE)) {
            return faultedOr(Fault.Target.WEBHOOKS,
                    () -> webhooks.handle(method, path, SandboxHttp.parseQuery(rawQuery), body));
        }
        if (!path.startsWith("/api/v1/audits")) {
            return SandboxResponse.error(404, "Not found", "no such endpoint");
        }
        if (!"GET".equals(method)) {
            return SandboxResponse.error(405, "Method not allowed", "use GET");
        }
        Map<String, String> query = SandboxHttp.parseQuery(rawQuery);
        boolean list = "/api/v1/audits".equals(path) || "/api/v1/audits/archive".equals(path);
        Fault fault = list ? nextFault(Fault.Target.AUDITS) : null;
        if (fault == null) {
            return audits.handle(path, query, url());
        }
        return switch (fault.kind()) {
            case RATE_LIMIT, SERVER_ERROR, SLOW -> faulted(fault, () -> audits.handle(path, query, url()));
            case MALFORMED_PAGE -> {
                SandboxResponse page = audits.handle(path, query, url());
                byte[] cut = java.util.Arrays.copyOf(page.body(), page.body().length / 2);
                yield SandboxResponse.json(200, cut);
            }
            case FOREIGN_NEXT_LINK -> audits.handle(path, query, FOREIGN_ORIGIN);
            case FOREIGN_REDIRECT -> SandboxResponse.error(302, "Found", "moved")
                    .withHeader("Location", FOREIGN_ORIGIN + path);
        };
    }

    private static SandboxResponse rateLimited(Fault fault) {
        long seconds = fault.delay() == null ? 0 : fault.delay().toSeconds();
        SandboxResponse response = SandboxResponse.error(429, "API rate limit reached.",
                "You need to wait " + seconds + " seconds before making another request.");
        return fault.delay() == null ? response : response.withHeader("Retry-After", Long.toString(seconds));
    }

    private synchronized Fault nextFault(Fault.Target target) {
        Fault fault = faults(target).peek();
        if (fault == null) {
            return null;
        }
        long used = faultUses.computeIfAbsent(fault, f -> new AtomicLong()).incrementAndGet();
        if (used >= fault.requests()) {
            faults(target).poll();
            faultUses.remove(fault);
        }
        return fault;
    }

    private synchronized Deque<Fault> faults(Fault.Target target) {
        return faults.computeIfAbsent(target, key -> new ConcurrentLinkedDeque<>());
    }

    /** A request's answer, unless a fault is queued for its target: then the fault's. */
    private SandboxResponse faultedOr(Fault.Target target, Answer answer) throws IOException {
        Fault fault = nextFault(target);
        return fault == null ? answer.get() : faulted(fault, answer);
    }

    /** The answer under a rate limit, a server error or slowness. */
    private SandboxResponse faulted(Fault fault, Answer answer) throws IOException {
        return switch (fault.kind()) {
            case RATE_LIMIT -> rateLimited(fault);
            case SERVER_ERROR -> SandboxResponse.error(fault.status(), "Server error", "injected failure");
            case SLOW -> {
                sleep(fault.delay());
                yield answer.get();
            }
            default -> throw new IllegalStateException(fault.kind() + " applies to Audits API pages only");
        };
    }

    /** The normal answer to a request. */
    @FunctionalInterface
    private interface Answer {
        SandboxResponse get() throws IOException;
    }

    /** A name for the bearer token of a request that tells keys apart without holding them. */
    private String credentialName(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return null;
        }
        int index = config.apiKeys.indexOf(header.substring("Bearer ".length()));
        return index >= 0 ? "api-key-" + index : "oauth";
    }

    private void log(SandboxRequest request) {
        requestCount.incrementAndGet();
        synchronized (requests) {
            requests.add(request);
            if (requests.size() > REQUEST_LOG_SIZE) {
                requests.poll();
            }
        }
    }

    private static void send(HttpExchange exchange, SandboxResponse response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        boolean streamed = response.streamer() != null;
        exchange.sendResponseHeaders(response.status(), streamed ? 0
                : response.body().length == 0 ? -1 : response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (streamed) {
                response.streamer().write(out);
            } else {
                out.write(response.body());
            }
        } catch (IOException e) {
            // the client went away (for example after its read timeout): nothing to answer
        }
        exchange.close();
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The sandbox's configuration. */
    public static final class Builder {
        private long seed = 42;
        private String tenantId = "sandbox-tenant";
        private long historySize = 100;
        private Instant historyEnd;
        private Duration spacing = Duration.ofSeconds(1);
        private Duration retention = Duration.ofDays(90);
        private boolean archiveEnabled = true;
        private final List<String> apiKeys = new ArrayList<>();
        private final Set<String> restrictedApiKeys = new HashSet<>();
        private final Map<String, String> clients = new HashMap<>();
        private Duration tokenLifetime = Duration.ofHours(6);
        private Clock clock = Clock.systemUTC();
        private int port;
        private InetAddress address = InetAddress.getLoopbackAddress();
        private Duration latency = Duration.ZERO;
        private ConcurrentRequests concurrentRequests = new ConcurrentRequests();
        private int threads = 8;
        private int webhookQuota = 100;
        private int webhookDisableAfter = 5;
        private Set<Channel> channels = EnumSet.of(Channel.LICENSES);
        private Set<String> tenantLevelOnly = Set.of();
        private Set<String> webhookEventTypes = Arrays.stream(QlikEventType.values()).map(QlikEventType::typeName)
                .collect(Collectors.toCollection(LinkedHashSet::new));

        /** The seed of the generated events: same seed, same events. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The tenant id of the generated events. */
        public Builder tenantId(String tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        /** {@code size} generated events, {@code spacing} apart, the last one just before {@code end}. */
        public Builder history(long size, Duration spacing, Instant end) {
            this.historySize = size;
            this.spacing = spacing;
            this.historyEnd = end;
            return this;
        }

        /** {@code size} generated events, {@code spacing} apart, ending now. */
        public Builder history(long size, Duration spacing) {
            return history(size, spacing, null);
        }

        /** An API key the tenant accepts; the request log names it api-key-N, N counting from 0. */
        public Builder apiKey(String key) {
            if (!apiKeys.contains(key)) {
                apiKeys.add(key);
            }
            return this;
        }

        /** An API key the tenant knows but that may not read audits (403). */
        public Builder restrictedApiKey(String key) {
            restrictedApiKeys.add(key);
            return this;
        }

        /** An OAuth2 client the tenant accepts. */
        public Builder oauthClient(String clientId, String clientSecret) {
            clients.put(clientId, clientSecret);
            return this;
        }

        /** How long issued OAuth tokens live (Qlik: 6 hours). */
        public Builder tokenLifetime(Duration lifetime) {
            this.tokenLifetime = lifetime;
            return this;
        }

        /** The port to bind on loopback; 0 (default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The clock of the tenant. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** How many webhooks the tenant allows (Qlik: 100). */
        public Builder webhookQuota(int quota) {
            this.webhookQuota = quota;
            return this;
        }

        /**
         * After how many failed deliveries in a row (every attempt of each failed) the tenant disables a webhook, with
         * a disabledReason; Qlik does so without publishing its threshold. Default 5.
         */
        public Builder webhookDisableAfter(int failedDeliveries) {
            this.webhookDisableAfter = failedDeliveries;
            return this;
        }

        /**
         * How long the Audits API list keeps events (Qlik: 90 days, its EventTTL); older ones are served only by the
         * archive, one day per request.
         */
        public Builder retention(Duration retention) {
            this.retention = retention;
            return this;
        }

        /** Whether the tenant's archive is on (default); off, its settings say so and the archive answers 404. */
        public Builder archiveEnabled(boolean enabled) {
            this.archiveEnabled = enabled;
            return this;
        }

        /** The channels whose events the tenant publishes, in turn (default: licenses). */
        public Builder channels(Channel... channels) {
            this.channels = EnumSet.copyOf(Arrays.asList(channels));
            return this;
        }

        /** Event types Qlik offers for tenant-level webhooks only (default: none; every type at both levels). */
        public Builder webhookTenantLevelOnly(Collection<String> types) {
            this.tenantLevelOnly = Set.copyOf(types);
            return this;
        }

        /** The event types Qlik offers for webhooks on this tenant (default: every type the component knows). */
        public Builder webhookEventTypes(Collection<String> types) {
            this.webhookEventTypes = new LinkedHashSet<>(types);
            return this;
        }

        /**
         * The loopback address to serve on (default 127.0.0.1): tenants on 127.0.0.2 and up are distinct hosts to a
         * client, as tenants across the internet are.
         */
        public Builder address(String loopbackAddress) throws IOException {
            InetAddress parsed = InetAddress.getByName(loopbackAddress);
            if (!parsed.isLoopbackAddress()) {
                throw new IllegalArgumentException(loopbackAddress + " is not a loopback address");
            }
            this.address = parsed;
            return this;
        }

        /**
         * The {@code index}-th loopback address from 127.0.0.2 on (250 to a /24), as {@link #address}: a host of its
         * own for each of thousands of tenants.
         */
        public Builder loopbackHost(int index) throws IOException {
            return address("127.0." + (index / 250) + "." + (2 + index % 250));
        }

        /** How late every answer is sent, as a tenant across the internet answers (default: at once). */
        public Builder latency(Duration latency) {
            this.latency = latency;
            return this;
        }

        /** Counts the requests under way in this gauge, which other tenants may share. */
        public Builder concurrentRequests(ConcurrentRequests gauge) {
            this.concurrentRequests = gauge;
            return this;
        }

        /** How many requests are served at once. */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Builds and starts the sandbox. */
        public SandboxTenant start() throws IOException {
            return new SandboxTenant(this).start();
        }
    }
}
