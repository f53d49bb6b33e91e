package io.github.qlikevents.camel.polling;

import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import org.apache.camel.CamelContext;

/**
 * A poller's lag, requests in the last minute and share of Qlik's rate limit as Micrometer gauges, in the one
 * {@link MeterRegistry} bean of the registry (Spring Boot, Quarkus), else Micrometer's global registry, tagged with
 * the Camel context, tenant, channel and route. Loaded only when Micrometer is on the classpath.
 */
final class PollerGauges {

    /** Gauge name, base unit (null for a plain count) and value of each figure. */
    private record Figure(String name, String unit, String description,
            ToDoubleFunction<QlikEventsPollingConsumer> value) {
    }

    private static final List<Figure> FIGURES = List.of(
            new Figure("qlik.events.lag", "seconds", "Seconds between now and the newest event delivered",
                    consumer -> consumer.getLagSeconds() == null ? Double.NaN : consumer.getLagSeconds()),
            new Figure("qlik.events.requests.last.minute", null,
                    "Requests sent to the tenant in the last minute, retries and token requests included",
                    QlikEventsPollingConsumer::getRequestsLastMinute),
            new Figure("qlik.events.rate.limit.share", "percent",
                    "Requests in the last minute as a percentage of Qlik's limit of 1,000 a minute",
                    QlikEventsPollingConsumer::getRateLimitSharePercent));

    private final MeterRegistry registry;
    private final List<Meter> meters;

    private PollerGauges(MeterRegistry registry, List<Meter> meters) {
        this.registry = registry;
        this.meters = meters;
    }

    /** Registers the gauges of {@code consumer}; {@code routeId} is its route, or what stands for it. */
    static PollerGauges register(CamelContext context, QlikEventsPollingConsumer consumer, String tenant,
            String channel, String routeId) {
        Set<MeterRegistry> beans = context.getRegistry().findByType(MeterRegistry.class);
        MeterRegistry registry = beans.size() == 1 ? beans.iterator().next() : Metrics.globalRegistry;
        // one set of gauges per poller: its context and route tell it from any other in the JVM
        Tags tags = Tags.of("camelContext", context.getName(), "tenant", tenant, "channel", channel, "route", routeId);
        List<Meter> meters = FIGURES.stream().<Meter>map(figure -> Gauge.builder(figure.name(), consumer, figure.value())
                .baseUnit(figure.unit()).description(figure.description()).tags(tags).strongReference(false)
                .register(registry)).toList();
        return new PollerGauges(registry, meters);
    }

    /** Removes the gauges, when the consumer stops. */
    void remove() {
        meters.forEach(registry::remove);
    }
}
