package io.github.qlikevents.camel.bench;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.qlikevents.camel.QlikLicenseEventsConstants;
import io.github.qlikevents.camel.sandbox.SandboxEvent;
import io.github.qlikevents.camel.sandbox.SandboxRequest;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;

import static io.github.qlikevents.camel.bench.BudgetWindow.percentile;

/**
 * Hybrid mode (webhook with reconcile=true) under load with a share of webhook deliveries lost: latency of the events
 * the webhook brought and of those the sweep reconciled, Audits API requests a minute against the floor (one read per
 * page of events, and one request for a sweep with none), lost and duplicated events. Tenants side by side, each with
 * its own receiver, the component's defaults unless given.
 */
final class HybridBudget {

    private static final String KEY = "bench-hybrid-key";
    private static final String SECRET = "bench-hybrid-webhook-secret-0123456789abcdef";

    /**
     * One load.
     *
     * @param eventsPerSecond     the stream's rate
     * @param dropShare           the share of webhook deliveries lost
     * @param requestsPerMinute   Audits API requests the tenant received a minute, in the measured window
     * @param floorPerMinute      the window's events in full pages of 100 per sweep (at least one), a minute
     * @param webhookP50Millis    median latency of the events the webhook brought
     * @param webhookP99Millis    99th percentile of it
     * @param reconciledP99Millis 99th percentile latency of the events the sweep brought
     * @param reconciledMaxMillis the longest of those
     * @param reconciled          events the sweep brought, in the window
     * @param lost                events published in the window and never delivered
     * @param duplicates          deliveries beyond the first of any event
     */
    record Result(double eventsPerSecond, double dropShare, double requestsPerMinute, double floorPerMinute,
                  long webhookP50Millis, long webhookP99Millis, long reconciledP99Millis, long reconciledMaxMillis,
                  int reconciled, int lost, int duplicates) {
    }

    private HybridBudget() {
    }

    /**
     * Runs the loads side by side: {@code warmUp} (at least lookback plus sweepInterval, for the sweeps to reach the
     * stream), the measured window, then {@code settle} with nothing published, for the window's lost deliveries to be
     * swept. {@code options} are extra endpoint options (none for the defaults).
     */
    static List<Result> run(Duration warmUp, Duration measured, Duration settle, double dropShare, String options,
                            double... rates) throws Exception {
        List<Load> loads = new ArrayList<>();
        for (double rate : rates) {
            loads.add(new Load(rate, dropShare, options));
        }
        return BudgetWindow.run(loads, warmUp, measured, settle);
    }

    /** One tenant, one stream, one hybrid route on its own HTTP port. */
    private static final class Load implements BudgetWindow.Load<Result> {
        private final double rate;
        private final double dropShare;
        private final String options;
        private final Map<String, Instant> deliveredAt = new ConcurrentHashMap<>();
        private final Map<String, Boolean> reconciled = new ConcurrentHashMap<>();
        private final Map<String, Integer> deliveries = new ConcurrentHashMap<>();
        private SandboxTenant tenant;
        private CamelContext context;
        private Instant windowStart;
        private Instant windowEnd;

        Load(double rate, double dropShare, String options) {
            this.rate = rate;
            this.dropShare = dropShare;
            this.options = options;
        }

        @Override
        public void start(ScheduledExecutorService publisher) throws Exception {
            tenant = SandboxTenant.builder().history(0, Duration.ofSeconds(1)).apiKey(KEY).start();
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            context = new DefaultCamelContext();
            VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
            http.setBindHost("127.0.0.1");
            http.setBindPort(port);
            context.addService(new VertxPlatformHttpServer(http));
            String uri = "webhook:qlik-license-events:licenses?webhookComponentName=platform-http&webhookPath=/qlik"
                         + "&webhookExternalUrl=http://127.0.0.1:" + port + "&webhookSecret=" + SECRET
                         + "&tenantUrl=" + tenant.url() + "&apiKey=" + KEY + "&reconcile=true" + options;
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).routeId("hybrid").process(e -> {
                        String id = e.getMessage().getHeader(QlikLicenseEventsConstants.EVENT_ID, String.class);
                        deliveredAt.putIfAbsent(id, Instant.now());
                        reconciled.putIfAbsent(id, e.getMessage().getHeader(QlikLicenseEventsConstants.RECONCILED,
                                false, Boolean.class));
                        deliveries.merge(id, 1, Integer::sum);
                    });
                }
            });
            context.start();
            tenant.dropWebhookDeliveries(dropShare);
            long periodMicros = (long) (1_000_000 / rate);
            publisher.scheduleAtFixedRate(() -> tenant.feed().publishGenerated(Instant.now()), 0, periodMicros,
                    TimeUnit.MICROSECONDS);
        }

        @Override
        public void beginWindow() {
            windowStart = Instant.now();
        }

        @Override
        public void endWindow() {
            windowEnd = Instant.now();
        }

        @Override
        public Result result(Duration measured) {
            double minutes = measured.toMillis() / 60_000.0;
            List<Long> webhook = new ArrayList<>();
            List<Long> swept = new ArrayList<>();
            List<Instant> times = new ArrayList<>();
            int lost = 0;
            for (SandboxEvent event : tenant.feed().snapshot()) {
                if (event.time().isBefore(windowStart) || event.time().isAfter(windowEnd)) {
                    continue;
                }
                times.add(event.time());
                Instant delivered = deliveredAt.get(event.eventId());
                if (delivered == null) {
                    lost++;
                } else {
                    long millis = Duration.between(event.time(), delivered).toMillis();
                    (reconciled.get(event.eventId()) ? swept : webhook).add(millis);
                }
            }
            webhook.sort(null);
            swept.sort(null);
            List<SandboxRequest> audits = tenant.requests().stream()
                    .filter(request -> request.path().equals("/api/v1/audits")
                                       && !request.at().isBefore(windowStart) && request.at().isBefore(windowEnd))
                    .toList();
            int duplicates = deliveries.values().stream().mapToInt(n -> n - 1).sum();
            return new Result(rate, dropShare, audits.size() / minutes, floor(times, audits) / minutes,
                    percentile(webhook, 50), percentile(webhook, 99), percentile(swept, 99),
                    swept.isEmpty() ? -1 : swept.get(swept.size() - 1), swept.size(), lost, duplicates);
        }

        /**
         * The fewest requests that read every event of the window once with as many sweeps as ran in it (a request
         * without a cursor starts one): each sweep reads its share of the events in full pages of 100, at least one.
         */
        private static double floor(List<Instant> times, List<SandboxRequest> audits) {
            long sweeps = audits.stream().filter(request -> !String.valueOf(request.query()).contains("next=")).count();
            return sweeps == 0 ? 0 : sweeps * Math.max(1, Math.ceil(times.size() / (double) sweeps / 100));
        }

        @Override
        public void close() throws Exception {
            if (context != null) {
                context.close();
            }
            if (tenant != null) {
                tenant.close();
            }
        }
    }
}
