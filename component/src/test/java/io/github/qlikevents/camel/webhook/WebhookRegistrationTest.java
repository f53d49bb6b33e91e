package io.github.qlikevents.camel.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.qlikevents.camel.model.LeaseEvent;
import io.github.qlikevents.camel.model.LicenseEvent;
import io.github.qlikevents.camel.model.QlikEventType;
import io.github.qlikevents.camel.sandbox.Fault;
import io.github.qlikevents.camel.sandbox.SandboxDelivery;
import io.github.qlikevents.camel.sandbox.SandboxEvent;
import io.github.qlikevents.camel.sandbox.SandboxRequest;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import io.github.qlikevents.camel.sandbox.SandboxWebhook;
import io.github.qlikevents.camel.support.Progress;
import io.github.qlikevents.camel.support.TestSecrets;
import io.github.qlikevents.camel.support.WebhookTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/** The webhook registers itself with the tenant, reuses what a crash left, cleans up, and receives for real. */
class WebhookRegistrationTest extends WebhookTestSupport {

    @Test
    void startCreatesOneWebhookRestartReusesItShutdownRemovesIt() throws Exception {
        startSandbox(0);
        startWebhookServer();
        String external = serverUrl();
        RouteBuilder route = registeringRoute(external, "eventTypes=com.qlik.v1.license.lease.*"
                                                        + "&webhookUnregisterOnStop=false");
        context.addRoutes(route);

        List<SandboxWebhook> created = sandbox.webhooks();
        assertThat(created).hasSize(1);
        SandboxWebhook webhook = created.get(0);
        assertThat(webhook.name()).isEqualTo("camel-qlik-hook");
        assertThat(webhook.url()).isEqualTo(external + "/qlik/hook");
        assertThat(webhook.secret()).isEqualTo(TestSecrets.WEBHOOK_SECRET);
        assertThat(webhook.eventTypes()).containsExactlyInAnyOrder(QlikEventType.LEASE_CREATED.typeName(),
                QlikEventType.LEASE_DELETED.typeName(), QlikEventType.LEASE_UPDATED.typeName());
        assertThat(webhook.enabled()).isTrue();

        // as after a crash: the webhook stays, and the next start reuses it instead of adding another
        context.getRouteController().stopRoute("qlik-hook");
        context.removeRoute("qlik-hook");
        assertThat(sandbox.webhooks()).hasSize(1);
        context.addRoutes(registeringRoute(external, "eventTypes=com.qlik.v1.license.lease.*"));
        assertThat(sandbox.webhooks()).extracting(SandboxWebhook::id).containsExactly(webhook.id());

        // a clean shutdown deletes the webhook this endpoint registered
        context.close();
        assertThat(sandbox.webhooks()).isEmpty();
    }

    @Test
    void replicasStartingTogetherShareOneWebhook() throws Exception {
        String sharedUrl = "https://camel.acme.example";
        for (int round = 0; round < 5; round++) {
            try (SandboxTenant tenant = SandboxTenant.builder().history(0, Duration.ofSeconds(1)).apiKey(API_KEY)
                    .start()) {
                List<CamelContext> replicas = List.of(replica(tenant, sharedUrl), replica(tenant, sharedUrl));
                CountDownLatch go = new CountDownLatch(1);
                List<CompletableFuture<Void>> starts = replicas.stream().map(replica -> CompletableFuture.runAsync(
                        () -> {
                            try {
                                go.await();
                                replica.start();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        })).toList();
                go.countDown();
                for (CompletableFuture<Void> start : starts) {
                    start.get(30, TimeUnit.SECONDS);
                }

                assertThat(tenant.webhooks()).as("webhooks after round %d", round).hasSize(1);
                assertThat(tenant.webhooks().get(0).url()).isEqualTo(sharedUrl + "/qlik/hook");
                for (CamelContext replica : replicas) {
                    replica.close();
                }
                assertThat(tenant.webhooks()).as("kept when replicas stop (webhookUnregisterOnStop=false)")
                        .hasSize(1);
            }
        }
    }

    /** A replica behind a load balancer: its own HTTP server, the shared external URL, and the same options. */
    private CamelContext replica(SandboxTenant tenant, String externalUrl) throws Exception {
        CamelContext replica = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(0);
        replica.addService(new VertxPlatformHttpServer(server));
        replica.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(webhookUri("/qlik/hook", "webhookExternalUrl=" + externalUrl + "&tenantUrl=" + tenant.url()
                                              + "&apiKey=" + API_KEY + "&webhookUnregisterOnStop=false"))
                        .to("log:replica");
            }
        });
        return replica;
    }

    @Test
    void quotaErrorFailsTheStartWithAClearMessage() throws Exception {
        startSandbox(SandboxTenant.builder().history(0, Duration.ofSeconds(1)).webhookQuota(0));
        startWebhookServer();

        Throwable failure = catchThrowable(() -> context.addRoutes(registeringRoute(serverUrl(), "")));

        assertThat(failure).hasStackTraceContaining("Qlik refused to create webhook 'camel-qlik-hook'")
                .hasStackTraceContaining("HTTP 403").hasStackTraceContaining("100 webhooks per tenant")
                .hasStackTraceContaining(serverUrl() + "/qlik/hook");
        assertThat(sandbox.webhooks()).isEmpty();
    }

    @Test
    void shortSecretFailsTheStartNamingTheOption() throws Exception {
        startSandbox(0);
        startWebhookServer();

        Throwable failure = catchThrowable(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(webhookUri("/short", "webhookAutoRegister=false")
                        .replace(TestSecrets.WEBHOOK_SECRET, "too-short")).to("mock:never");
            }
        }));

        assertThat(failure).hasStackTraceContaining("webhookSecret must be 32 to 64 characters")
                .satisfies(f -> assertThat(stackTrace(f)).doesNotContain("too-short"));
    }

    @Test
    void whatAnAdminSetSurvivesThreeRestartsAndDeliveriesStillCarryTheAdminsHeaders() throws Exception {
        startSandbox(0);
        startWebhookServer();
        context.addRoutes(registeringRoute(serverUrl(), "webhookUnregisterOnStop=false"));
        String id = sandbox.webhooks().get(0).id();
        sandbox.editWebhook(id, webhook -> {
            webhook.put("description", "owned by the BI team").put("ownerId", "u-admin")
                    .put("filter", "spaceId ne \"s-excluded\"").put("checkCertificateRevocation", true);
            webhook.putObject("headers").put("X-Team", "bi");
            webhook.putObject("encryptedHeaders").put("X-Gateway-Key", TestSecrets.GATEWAY_KEY);
            return webhook;
        });

        for (int restart = 0; restart < 3; restart++) {
            context.getRouteController().stopRoute("qlik-hook");
            context.removeRoute("qlik-hook");
            context.addRoutes(registeringRoute(serverUrl(), "webhookUnregisterOnStop=false"));
        }

        assertThat(sandbox.webhooks()).singleElement().satisfies(webhook -> {
            assertThat(webhook.id()).isEqualTo(id);
            assertThat(webhook.description()).isEqualTo("owned by the BI team");
            assertThat(webhook.ownerId()).isEqualTo("u-admin");
            assertThat(webhook.filter()).isEqualTo("spaceId ne \"s-excluded\"");
            assertThat(webhook.checkCertificateRevocation()).isTrue();
            assertThat(webhook.headers()).containsExactly(Map.entry("X-Team", "bi"));
            assertThat(webhook.encryptedHeaders()).containsExactly(Map.entry("X-Gateway-Key", TestSecrets.GATEWAY_KEY));
            assertThat(webhook.enabled()).isTrue();
            assertThat(webhook.secret()).isEqualTo(TestSecrets.WEBHOOK_SECRET);
        });
        MockEndpoint events = mock("events");
        events.expectedMessageCount(1);
        sandbox.feed().publishGenerated(java.time.Instant.now());
        assertSatisfied(events);
        assertThat(successfulDelivery().requestHeaders()).containsEntry("X-Team", "bi")
                .containsEntry("X-Gateway-Key", TestSecrets.GATEWAY_KEY);
    }

    @Test
    void theWebhookOptionsAreRegisteredAndDeliveriesCarryTheHeaders() throws Exception {
        startSandbox(0);
        startWebhookServer();
        context.getRegistry().bind("gatewayHeaders", Map.of("X-Gateway-Key", TestSecrets.GATEWAY_KEY));
        context.addRoutes(registeringRoute(serverUrl(), "webhookHeaders=#gatewayHeaders"
                                                        + "&webhookFilter=spaceId ne \"s-excluded\""
                                                        + "&webhookCheckCertificateRevocation=true"
                                                        + "&webhookDescription=License sync of the BI team"));

        assertThat(sandbox.webhooks()).singleElement().satisfies(webhook -> {
            assertThat(webhook.description()).isEqualTo("License sync of the BI team");
            assertThat(webhook.filter()).isEqualTo("spaceId ne \"s-excluded\"");
            assertThat(webhook.checkCertificateRevocation()).isTrue();
            assertThat(webhook.encryptedHeaders()).containsExactly(Map.entry("X-Gateway-Key", TestSecrets.GATEWAY_KEY));
            assertThat(webhook.enabled()).as("enabled, though Qlik creates webhooks disabled by default").isTrue();
        });
        assertThat(context.getRoute("qlik-hook").getEndpoint().toString()).doesNotContain(TestSecrets.GATEWAY_KEY);
        MockEndpoint events = mock("events");
        events.expectedMessageCount(1);
        sandbox.feed().publishGenerated(java.time.Instant.now());
        assertSatisfied(events);
        assertThat(successfulDelivery().requestHeaders()).containsEntry("X-Gateway-Key", TestSecrets.GATEWAY_KEY);
    }

    @Test
    void aFilterQlikRefusesFailsTheStartQuotingQlik() throws Exception {
        startSandbox(0);
        startWebhookServer();

        Throwable failure = catchThrowable(() -> context.addRoutes(registeringRoute(serverUrl(),
                "webhookFilter=appId eq \"a-1\"")));

        assertThat(failure).hasStackTraceContaining("Qlik refused to create webhook 'camel-qlik-hook'")
                .hasStackTraceContaining("HTTP 400").hasStackTraceContaining("unknown attribute 'appId'")
                .hasStackTraceContaining("valid webhookFilter");
        assertThat(sandbox.webhooks()).isEmpty();
    }

    @Test
    void aTypeOfferedAtTheTenantLevelOnlyFailsAUserLevelStartNamingTheLevels() throws Exception {
        String created = QlikEventType.LEASE_CREATED.typeName();
        startSandbox(SandboxTenant.builder().history(0, Duration.ofSeconds(1)).webhookTenantLevelOnly(List.of(created)));
        startWebhookServer();

        Throwable failure = catchThrowable(() -> context.addRoutes(registeringRoute(serverUrl(),
                "webhookLevel=user&eventTypes=" + created)));

        assertThat(failure).hasStackTraceContaining("Qlik offers no webhook for event type(s) [" + created
                                                    + "] at level user")
                .hasStackTraceContaining("offered at another level only: [" + created + " (levels [tenant])]")
                .hasStackTraceContaining("set webhookLevel");
        assertThat(sandbox.webhooks()).isEmpty();
    }

    @Test
    void registrationRidesOutQliksRateLimitAndServerErrors() throws Exception {
        startSandbox(0);
        sandbox.inject(Fault.rateLimit(1, Duration.ofSeconds(1)).on(Fault.Target.WEBHOOKS))
                .inject(Fault.serverError(2, 503).on(Fault.Target.WEBHOOKS));
        startWebhookServer();

        context.addRoutes(registeringRoute(serverUrl(), "retryDelay=20"));

        assertThat(sandbox.webhooks()).singleElement().satisfies(webhook -> assertThat(webhook.enabled()).isTrue());
        assertThat(sandbox.requests()).filteredOn(r -> r.path().startsWith("/api/v1/webhooks"))
                .extracting(SandboxRequest::status).startsWith(429, 503, 503, 200);
    }

    @Test
    void registrationThatKeepsFailingFailsTheStartNamingTheLastStatus() throws Exception {
        startSandbox(0);
        sandbox.inject(Fault.serverError(100, 502).on(Fault.Target.WEBHOOKS));
        startWebhookServer();

        Throwable failure = catchThrowable(() -> context.addRoutes(registeringRoute(serverUrl(),
                "retryDelay=20&maxRetries=2")));

        assertThat(failure).hasStackTraceContaining("GET /api/v1/webhooks")
                .hasStackTraceContaining("HTTP 502 after 3 attempts");
        assertThat(sandbox.webhooks()).isEmpty();
    }

    @Test
    void sandboxDeliversPublishedEventsToTheRouteOnceEachTyped() throws Exception {
        assertEndToEnd(false);
    }

    @Test
    void sandboxDeliversCloudEventsToTheRouteOnceEachTyped() throws Exception {
        assertEndToEnd(true);
    }

    private void assertEndToEnd(boolean cloudEvents) throws Exception {
        startSandbox(0);
        startWebhookServer();
        context.addRoutes(registeringRoute(serverUrl(), "webhookCloudEventDelivery=" + cloudEvents));
        MockEndpoint events = mock("events");
        events.expectedMessageCount(30);

        List<SandboxEvent> published = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            published.add(sandbox.feed().publishGenerated(java.time.Instant.now()));
        }

        assertSatisfied(events);
        assertThat(Set.copyOf(receivedIds(events)))
                .isEqualTo(Set.copyOf(published.stream().map(SandboxEvent::eventId).toList()));
        assertThat(events.getReceivedExchanges()).allSatisfy(e -> {
            LicenseEvent body = e.getMessage().getBody(LicenseEvent.class);
            assertThat(body.eventType()).isEqualTo(e.getMessage().getHeader("CamelCloudEventType"));
        });
        assertThat(events.getReceivedExchanges()).anySatisfy(e -> assertThat(e.getMessage().getBody())
                .isInstanceOf(LeaseEvent.class));
        assertThat(sandbox.webhooks().get(0).cloudEvents()).isEqualTo(cloudEvents);
    }

    /** The first delivery the receiver answered 2xx, as the sandbox sent it (recorded once the answer is in). */
    private SandboxDelivery successfulDelivery() {
        return await("a delivery answered 2xx").atMost(Progress.STALL).until(() -> sandbox.deliveries().stream()
                .filter(SandboxDelivery::succeeded).findFirst(), Optional::isPresent).orElseThrow();
    }

    private RouteBuilder registeringRoute(String externalUrl, String options) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(webhookUri("/qlik/hook", "webhookExternalUrl=" + externalUrl + "&tenantUrl=" + sandbox.url()
                                              + "&apiKey=" + API_KEY + (options.isEmpty() ? "" : "&" + options)))
                        .routeId("qlik-hook").to("mock:events");
            }
        };
    }

    private static String stackTrace(Throwable failure) {
        java.io.StringWriter out = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
