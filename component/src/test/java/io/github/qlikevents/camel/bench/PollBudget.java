package io.github.qlikevents.camel.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.qlikevents.camel.QlikLicenseEventsConstants;
import io.github.qlikevents.camel.sandbox.SandboxEvent;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import static io.github.qlikevents.camel.bench.BudgetWindow.percentile;

/**
 * What the poller spends of Qlik's API budget with its defaults: tenants publishing a steady stream at the current
 * time (idle, 5 and 50 events a second, all at once), requests counted at the tenant over a measured window after a
 * warm-up, delivery latency of the events published in it, and late events (made visible 10 to 60 s after their
 * eventTime) which must each arrive once.
 */
final class PollBudget {

    private static final String KEY = "bench-budget-key";

    /**
     * One load.
     *
     * @param eventsPerSecond the stream's rate
     * @param requestsPerMinute requests the tenant received a minute, in the measured window
     * @param floorPerMinute    ceil(events / 100) plus one request per poll, in the same window
     * @param p50Millis         median delivery latency of the on-time events published in the window
     * @param p99Millis         99th percentile of it
     * @param late              late events published
     * @param lateDelivered     of those, how many arrived
     * @param duplicates        deliveries beyond the first of any event
     */
    record Result(double eventsPerSecond, double requestsPerMinute, double floorPerMinute, long p50Millis,
                  long p99Millis, int late, int lateDelivered, int duplicates) {
    }

    private PollBudget() {
    }

    /**
     * Runs the loads side by side: {@code warmUp} (at least lookback plus sweepInterval, PT3M with the defaults, for
     * the sweeps to reach the stream), then the measured window, then {@code lateWait} with nothing published, for the
     * late events to be swept (PT3M after the last one, with the defaults).
     */
    static List<Result> run(Duration warmUp, Duration measured, Duration lateWait, double... rates) throws Exception {
        List<Load> loads = new ArrayList<>();
        for (double rate : rates) {
            loads.add(new Load(rate));
        }
        return BudgetWindow.run(loads, warmUp, measured, lateWait);
    }

    /** One tenant, one stream, one consumer with the component's defaults. */
    private static final class Load implements BudgetWindow.Load<Result> {
        private final double rate;
        private final Map<String, Instant> deliveredAt = new ConcurrentHashMap<>();
        private final Map<String, Integer> deliveries = new ConcurrentHashMap<>();
        private final Set<String> late = ConcurrentHashMap.newKeySet();
        private SandboxTenant tenant;
        private CamelContext context;
        private Instant started;
        private Instant windowStart;
        private Instant windowEnd;
        private long requestsAtStart;
        private long requestsAtEnd;
        private long pollsAtStart;
        private long pollsAtEnd;

        Load(double rate) {
            this.rate = rate;
        }

        @Override
        public void start(ScheduledExecutorService publisher) {
            try {
                tenant = SandboxTenant.builder().history(0, Duration.ofSeconds(1)).apiKey(KEY).start();
                context = new DefaultCamelContext();
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("qlik-license-events:licenses?tenantUrl=" + tenant.url() + "&apiKey=" + KEY)
                                .routeId("budget").process(e -> {
                                    String id = e.getMessage().getHeader(QlikLicenseEventsConstants.EVENT_ID,
                                            String.class);
                                    deliveredAt.putIfAbsent(id, Instant.now());
                                    deliveries.merge(id, 1, Integer::sum);
                                });
                    }
                });
                context.start();
                started = Instant.now();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (rate > 0) {
                long periodMicros = (long) (1_000_000 / rate);
                publisher.scheduleAtFixedRate(() -> tenant.feed().publishGenerated(Instant.now()), 0, periodMicros,
                        TimeUnit.MICROSECONDS);
            }
            // a late event every 20 s: dated 10 to 60 s before it becomes visible, and after the consumer started
            // (without since, a consumer asks for nothing older: by design, not a loss)
            publisher.scheduleAtFixedRate(() -> {
                long lateness = 10 + (long) (Math.random() * 50);
                Instant time = Instant.now().minusSeconds(lateness);
                if (time.isAfter(started)) {
                    late.add(tenant.feed().publishGenerated(time).eventId());
                }
            }, 5, 20, TimeUnit.SECONDS);
        }

        @Override
        public void beginWindow() {
            windowStart = Instant.now();
            requestsAtStart = tenant.requestCount();
            pollsAtStart = polls();
        }

        @Override
        public void endWindow() {
            windowEnd = Instant.now();
            requestsAtEnd = tenant.requestCount();
            pollsAtEnd = polls();
        }

        private long polls() {
            return ((org.apache.camel.support.ScheduledPollConsumer) context.getRoute("budget").getConsumer())
                    .getCounter();
        }

        @Override
        public Result result(Duration measured) {
            double minutes = measured.toMillis() / 60_000.0;
            List<Long> latencies = new ArrayList<>();
            long events = 0;
            for (SandboxEvent event : tenant.feed().snapshot()) {
                if (event.time().isBefore(windowStart) || event.time().isAfter(windowEnd)) {
                    continue;
                }
                events++;
                Instant delivered = deliveredAt.get(event.eventId());
                if (!late.contains(event.eventId()) && delivered != null) {
                    latencies.add(Duration.between(event.time(), delivered).toMillis());
                }
            }
            latencies.sort(null);
            double floor = (Math.ceil(events / 100.0) + (pollsAtEnd - pollsAtStart)) / minutes;
            int lateDelivered = (int) late.stream().filter(deliveredAt::containsKey).count();
            int duplicates = deliveries.values().stream().mapToInt(n -> n - 1).sum();
            return new Result(rate, (requestsAtEnd - requestsAtStart) / minutes, floor, percentile(latencies, 50),
                    percentile(latencies, 99), late.size(), lateDelivered, duplicates);
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
