package io.github.qlikevents.camel.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.qlikevents.camel.sandbox.SandboxTenant;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.dataformat.JsonLibrary;

/**
 * Poll end to end: the sandbox holding N events drained by {@code from("qlik-license-events:licenses")}, against
 * the route a user writes without the component (camel-http paging the same sandbox, camel-jackson, split, headers
 * set by hand), both into a counting processor in the same JVM.
 */
public final class PollThroughput {

    private static final String KEY = "bench-key";

    private PollThroughput() {
    }

    /** Events per second of the component draining {@code events}. */
    public static Result component(int events) throws Exception {
        try (SandboxTenant tenant = tenant(events); CamelContext camel = new DefaultCamelContext()) {
            CountDownLatch done = new CountDownLatch(events);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("qlik-license-events:licenses?tenantUrl=" + tenant.url() + "&apiKey=" + KEY
                         + "&since=P30D&pageSize=100&delay=10&initialDelay=0&maxRequestsPerMinute=0")
                            .process(e -> done.countDown());
                }
            });
            long start = System.nanoTime();
            camel.start();
            await(done);
            return new Result(events, System.nanoTime() - start);
        }
    }

    /** Events per second of the hand-written camel-http + camel-jackson + split route draining {@code events}. */
    public static Result handWritten(int events) throws Exception {
        try (SandboxTenant tenant = tenant(events); CamelContext camel = new DefaultCamelContext()) {
            AtomicLong count = new AtomicLong();
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:drain")
                            .loopDoWhile(header("next").isNotNull())
                                .setHeader(Exchange.HTTP_URI, header("next"))
                                .setHeader("Authorization", constant("Bearer " + KEY))
                                .to("http://sandbox")
                                .unmarshal().json(JsonLibrary.Jackson, Map.class)
                                .process(e -> e.getMessage().setHeader("next", nextLink(e.getMessage().getBody(Map.class))))
                                .split(simple("${body[data]}"))
                                    .process(e -> {
                                        Map<?, ?> item = e.getMessage().getBody(Map.class);
                                        e.getMessage().setHeader("CamelCloudEventID", item.get("eventId"));
                                        e.getMessage().setHeader("CamelCloudEventType", item.get("eventType"));
                                        e.getMessage().setHeader("CamelCloudEventTime", item.get("eventTime"));
                                        e.getMessage().setHeader("CamelCloudEventSource", item.get("source"));
                                        e.getMessage().setHeader("CamelQlikTenantId", item.get("tenantId"));
                                        e.getMessage().setBody(item.get("data"));
                                        count.incrementAndGet();
                                    })
                                .end()
                            .end();
                }
            });
            camel.start();
            String interval = Instant.now().minus(Duration.ofDays(30)) + "/" + Instant.now().plus(Duration.ofDays(1));
            String first = tenant.url() + "/api/v1/audits?sort=%2BeventTime&limit=100&source=com.qlik%2Flicenses"
                           + "&eventTime=" + URLEncoder.encode(interval, StandardCharsets.UTF_8);
            ProducerTemplate template = camel.createProducerTemplate();
            long start = System.nanoTime();
            template.sendBodyAndHeader("direct:drain", null, "next", first);
            long elapsed = System.nanoTime() - start;
            if (count.get() != events) {
                throw new IllegalStateException("hand-written route delivered " + count.get() + " of " + events);
            }
            return new Result(events, elapsed);
        }
    }

    private static Object nextLink(Map<?, ?> page) {
        Object links = page.get("links");
        Object next = links instanceof Map<?, ?> map ? map.get("next") : null;
        return next instanceof Map<?, ?> link ? link.get("href") : null;
    }

    static SandboxTenant tenant(long events) throws Exception {
        return SandboxTenant.builder().history(events, Duration.ofSeconds(1), Instant.now().minusSeconds(60))
                .apiKey(KEY).threads(4).start();
    }

    private static void await(CountDownLatch done) throws InterruptedException {
        if (!done.await(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("not drained: " + done.getCount() + " left");
        }
    }

    /**
     * A throughput run.
     *
     * @param events       events delivered
     * @param elapsedNanos how long it took
     */
    public record Result(long events, long elapsedNanos) {
        public double perSecond() {
            return events / (elapsedNanos / 1e9);
        }
    }
}
