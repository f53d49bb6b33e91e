package io.github.qlikevents.camel.polling;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.github.qlikevents.camel.decoding.QlikEventFormatException;
import io.github.qlikevents.camel.http.QlikApiException;
import io.github.qlikevents.camel.http.QlikAuthenticationException;
import io.github.qlikevents.camel.sandbox.Fault;
import io.github.qlikevents.camel.sandbox.SandboxEvent;
import io.github.qlikevents.camel.sandbox.SandboxRequest;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import io.github.qlikevents.camel.support.Progress;
import io.github.qlikevents.camel.support.SandboxTestSupport;
import io.github.qlikevents.camel.support.TestSecrets;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What Qlik does when it is busy, broken or strict, and what the consumer makes of it. */
class PollingFaultTest extends SandboxTestSupport {

    @Test
    void rateLimitIsWaitedOutAsRetryAfterSaysAndNothingIsLost() throws Exception {
        startSandbox(40);
        sandbox.inject(Fault.rateLimit(1, Duration.ofSeconds(1)));
        startContext(pollRoute("since=P1D&pageSize=15"));
        MockEndpoint events = mock("events");
        events.expectedMessageCount(40);

        assertSatisfied(events);
        awaitMorePolls("poll", 2);

        assertThat(receivedIds(events)).containsExactlyElementsOf(expectedIds(e -> true));
        List<SandboxRequest> requests = sandbox.requests();
        int throttled = indexOfStatus(requests, 429);
        assertThat(Duration.between(requests.get(throttled).at(), requests.get(throttled + 1).at()))
                .as("time between the 429 and the retry").isGreaterThanOrEqualTo(Duration.ofMillis(990));
        assertThat(consumer("poll").getThrottledWaits()).isEqualTo(1);
        assertThat(consumer("poll").getThrottledMillis()).isEqualTo(1000);
    }

    @Test
    void rateLimitWithoutRetryAfterBacksOff() throws Exception {
        startSandbox(20);
        sandbox.inject(Fault.rateLimit(3, null));
        startContext(pollRoute("since=P1D"));
        MockEndpoint events = mock("events");
        events.expectedMessageCount(20);

        assertSatisfied(events);

        assertThat(receivedIds(events)).containsExactlyElementsOf(expectedIds(e -> true));
        assertThat(consumer("poll").getThrottledWaits()).isEqualTo(3);
    }

    @Test
    void serverErrorsAndTimeoutsAreRetriedAndRecovered() throws Exception {
        startSandbox(35);
        sandbox.inject(Fault.serverError(2, 503)).inject(Fault.slow(1, Duration.ofMillis(1500)))
                .inject(Fault.serverError(1, 502));
        startContext(pollRoute("since=P1D&pageSize=10&readTimeout=500"));
        MockEndpoint events = mock("events");
        events.expectedMessageCount(35);

        assertSatisfied(events);
        awaitMorePolls("poll", 2);

        assertThat(receivedIds(events)).containsExactlyElementsOf(expectedIds(e -> true));
        assertThat(consumer("poll").getRetries()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void wrongApiKeyGivesAClearErrorAndTheHealthCheckDown() throws Exception {
        startSandbox(10);
        String wrongKey = TestSecrets.WRONG_API_KEY;
        startContext(new RouteBuilder() {
            @Override
            public void configure() {
                onException(QlikApiException.class).handled(true).to("mock:errors");
                from(pollUri("since=P1D&bridgeErrorHandler=true").replace(API_KEY, wrongKey)).routeId("poll")
                        .to("mock:events");
            }
        });
        HealthCheckRegistry health = context.getCamelContextExtension().getContextPlugin(HealthCheckRegistry.class);
        health.register(health.resolveById("consumers"));
        MockEndpoint errors = mock("errors");
        errors.expectedMinimumMessageCount(1);

        assertSatisfied(errors);

        Exception error = errors.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        assertThat(error).isInstanceOf(QlikAuthenticationException.class)
                .hasMessageContaining("tenant 127.0.0.1").hasMessageContaining("HTTP 401")
                .hasMessageNotContaining(wrongKey);
        await().atMost(Progress.STALL).untilAsserted(() -> {
            Optional<HealthCheck.Result> result = HealthCheckHelper.invoke(context).stream()
                    .filter(r -> r.getCheck().getId().equals("consumer:poll")).findFirst();
            assertThat(result).isPresent();
            assertThat(result.get().getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(result.get().getError()).get().asInstanceOf(
                    org.assertj.core.api.InstanceOfAssertFactories.THROWABLE).hasMessageContaining("HTTP 401");
        });
        // one token refresh attempt per poll and no hot loop: polls stay on the scheduler's delay
        long requests = sandbox.requestCount();
        assertThat(requests).isLessThan(2L * consumer("poll").getCounter() + 2);
    }

    @Test
    void forbiddenKeyNamesThePermissionProblem() throws Exception {
        String restricted = "restricted-" + API_KEY;
        startSandbox(SandboxTenant.builder().history(5, Duration.ofSeconds(1)).restrictedApiKey(restricted));
        startContext(new RouteBuilder() {
            @Override
            public void configure() {
                onException(QlikApiException.class).handled(true).to("mock:errors");
                from(pollUri("since=P1D&bridgeErrorHandler=true").replace(API_KEY, restricted)).routeId("poll")
                        .to("mock:events");
            }
        });
        MockEndpoint errors = mock("errors");
        errors.expectedMinimumMessageCount(1);

        assertSatisfied(errors);

        assertThat(errors.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))
                .hasMessageContaining("HTTP 403").hasMessageContaining("permissions");
    }

    @Test
    void nextLinkToAnotherOriginIsRefused() throws Exception {
        startSandbox(30);
        sandbox.inject(Fault.foreignNextLink(1));
        startContext(new RouteBuilder() {
            @Override
            public void configure() {
                onException(QlikApiException.class).handled(true).to("mock:errors");
                from(pollUri("since=P1D&pageSize=10&bridgeErrorHandler=true")).routeId("poll").to("mock:events");
            }
        });
        MockEndpoint errors = mock("errors");
        MockEndpoint events = mock("events");
        errors.expectedMinimumMessageCount(1);
        events.expectedMessageCount(30);

        assertSatisfied(context);

        assertThat(errors.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))
                .hasMessageContaining("another origin").hasMessageContaining("foreign.invalid");
        // the first page was delivered, then the poll stopped; the next poll went on from the stored position
        assertThat(receivedIds(events)).containsExactlyElementsOf(expectedIds(e -> true));
    }

    @Test
    void oauthTokenIsFetchedCachedAndRefreshedWhenRevoked() throws Exception {
        startSandbox(SandboxTenant.builder().history(60, Duration.ofSeconds(1), Instant.now().minusSeconds(10))
                .oauthClient("camel-client", TestSecrets.CLIENT_SECRET));
        startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from(pollUri("since=P1D&pageSize=10").replace("apiKey=" + API_KEY,
                        "clientId=camel-client&clientSecret=" + TestSecrets.CLIENT_SECRET))
                        .routeId("poll")
                        .process(e -> {
                            if (e.getProperty(Exchange.BATCH_COMPLETE, Boolean.class)) {
                                sandbox.expireTokens();
                            }
                        })
                        .to("mock:events");
            }
        });
        MockEndpoint events = mock("events");
        events.expectedMessageCount(60);

        assertSatisfied(events);

        assertThat(receivedIds(events)).containsExactlyElementsOf(expectedIds(e -> true));
        long tokenRequests = sandbox.requests().stream().filter(r -> r.path().equals("/oauth/token")).count();
        long pages = sandbox.requests().stream().filter(r -> r.path().equals("/api/v1/audits") && r.status() == 200)
                .count();
        assertThat(tokenRequests).as("the first token, then a new one after each revocation, not one per request")
                .isBetween(6L, pages + 1);
        assertThat(sandbox.requests()).filteredOn(r -> r.status() == 401).allSatisfy(r -> assertThat(r.authorized())
                .isFalse());
    }

    @Test
    void tokenRequestsRideOutQliksRateLimitAndServerErrors() throws Exception {
        startSandbox(SandboxTenant.builder().history(20, Duration.ofSeconds(1), Instant.now().minusSeconds(10))
                .oauthClient("camel-client", TestSecrets.CLIENT_SECRET));
        sandbox.inject(Fault.rateLimit(1, Duration.ofSeconds(1)).on(Fault.Target.TOKEN))
                .inject(Fault.serverError(2, 503).on(Fault.Target.TOKEN));
        startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from(pollUri("since=P1D").replace("apiKey=" + API_KEY,
                        "clientId=camel-client&clientSecret=" + TestSecrets.CLIENT_SECRET))
                        .routeId("poll").to("mock:events");
            }
        });

        Progress.awaitCount("events", mock("events")::getReceivedCounter, 20);

        assertThat(sandbox.requests()).filteredOn(r -> r.path().equals("/oauth/token"))
                .extracting(SandboxRequest::status).containsExactly(429, 503, 503, 200);
    }

    @Test
    void invalidItemReachesTheDeadLetterChannelWithItsRawJson() throws Exception {
        startSandbox(10);
        SandboxEvent broken = sandbox.feed().publish(new SandboxEvent("broken-1", "audit-broken-1",
                "com.qlik.v1.license.lease.created", sandbox.feed().historyTime(9).plusMillis(500), "sandbox-tenant",
                "user-1", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                        .put("name", "no-other-fields")));
        startContext(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:dead"));
                from(pollUri("since=P1D")).routeId("poll").to("mock:events");
            }
        });
        MockEndpoint events = mock("events");
        MockEndpoint dead = mock("dead");
        events.expectedMessageCount(10);
        dead.expectedMessageCount(1);

        assertSatisfied(context);
        awaitMorePolls("poll", 2);

        Exchange deadLetter = dead.getReceivedExchanges().get(0);
        assertThat(deadLetter.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))
                .isInstanceOf(QlikEventFormatException.class).hasMessageContaining("id=broken-1")
                .hasMessageContaining("data.size");
        assertThat(deadLetter.getMessage().getBody(String.class)).contains("\"eventId\":\"broken-1\"")
                .startsWith("{").endsWith("}");
        assertThat(id(deadLetter)).isEqualTo(broken.eventId());
        assertThat(dead.getReceivedCounter()).isEqualTo(1);
    }

    private RouteBuilder pollRoute(String options) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(pollUri(options)).routeId("poll").to("mock:events");
            }
        };
    }

    private static int indexOfStatus(List<SandboxRequest> requests, int status) {
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i).status() == status) {
                return i;
            }
        }
        throw new AssertionError("no request answered " + status);
    }
}
