package io.github.qlikevents.camel.polling;

import java.net.URI;

import io.github.qlikevents.camel.support.Progress;
import io.github.qlikevents.camel.support.SandboxTestSupport;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** With Micrometer in the application, each poller's lag, requests a minute and share of Qlik's limit are gauges. */
class PollerGaugesTest extends SandboxTestSupport {

    @Test
    void gaugesFollowThePollerAndLeaveWithIt() throws Exception {
        startSandbox(30);
        MeterRegistry meters = new SimpleMeterRegistry();
        context = new DefaultCamelContext();
        context.getRegistry().bind("meters", meters);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(pollUri("since=P1D")).routeId("poll").to("mock:events");
            }
        });
        context.start();
        Progress.awaitCount("events delivered and completed", () -> consumer("poll").getEventsDelivered(), 30);
        String tenant = URI.create(sandbox.url()).getHost();

        Gauge requests = meters.get("qlik.events.requests.last.minute").tag("tenant", tenant)
                .tag("channel", "licenses").tag("route", "poll").gauge();
        Gauge share = meters.get("qlik.events.rate.limit.share").tag("route", "poll").gauge();
        Gauge lag = meters.get("qlik.events.lag").tag("route", "poll").gauge();
        int requestsNow = consumer("poll").getRequestsLastMinute();
        assertThat(requests.value()).isBetween(1.0, requestsNow + 1.0);
        assertThat(share.value()).isBetween(0.0, consumer("poll").getRateLimitSharePercent() + 1.0);
        assertThat(lag.value()).isGreaterThanOrEqualTo(10.0);
        assertThat(lag.getId().getBaseUnit()).isEqualTo("seconds");

        context.getRouteController().stopRoute("poll");

        assertThat(meters.find("qlik.events.lag").gauges()).isEmpty();
    }
}
