package io.github.qlikevents.camel.domains;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.qlikevents.camel.model.AutomationEvent;
import io.github.qlikevents.camel.model.Channel;
import io.github.qlikevents.camel.model.IpPolicyEvent;
import io.github.qlikevents.camel.model.LicenseEvent;
import io.github.qlikevents.camel.model.QlikEventType;
import io.github.qlikevents.camel.model.RoleEvent;
import io.github.qlikevents.camel.model.WebIntegrationEvent;
import io.github.qlikevents.camel.sandbox.SandboxEvent;
import io.github.qlikevents.camel.sandbox.SandboxRequest;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import io.github.qlikevents.camel.support.Progress;
import io.github.qlikevents.camel.support.WebhookTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A tenant publishing all five domains: each endpoint delivers its channel's events, every one, once, typed. */
class FiveDomainsTest extends WebhookTestSupport {

    /** The body type every event of a channel has. */
    private static final Map<Channel, Class<?>> DOMAIN_TYPES = new EnumMap<>(Map.of(
            Channel.LICENSES, LicenseEvent.class, Channel.AUTOMATIONS, AutomationEvent.class,
            Channel.ROLES, RoleEvent.class, Channel.WEB_INTEGRATIONS, WebIntegrationEvent.class,
            Channel.IP_POLICIES, IpPolicyEvent.class));

    @Test
    void pollModeDeliversEachChannelItsOwnEventsOnceUnderEitherScheme() throws Exception {
        startSandbox(SandboxTenant.builder().channels(Channel.values())
                .history(290, Duration.ofSeconds(1), Instant.now().minusSeconds(10)));
        startContext(new RouteBuilder() {
            @Override
            public void configure() {
                for (Channel channel : Channel.values()) {
                    // licenses under the component's name, the others under the alias
                    String scheme = channel == Channel.LICENSES ? "qlik-license-events:" : "qlik-events:";
                    from(pollUri("since=PT1H").replace("qlik-license-events:licenses", scheme + channel.uriName()))
                            .routeId(channel.uriName()).to("mock:" + channel.uriName());
                }
            }
        });

        for (Channel channel : Channel.values()) {
            MockEndpoint mock = mock(channel.uriName());
            List<String> expected = expectedIds(e -> Channel.ofType(e.type()).orElseThrow() == channel);
            assertThat(expected).as("the sandbox publishes %s", channel).hasSizeGreaterThanOrEqualTo(10);
            Progress.awaitCount(channel + " events", mock::getReceivedCounter, expected.size());
            awaitMorePolls(channel.uriName(), 2);
            assertThat(receivedIds(mock)).as(channel.uriName()).containsExactlyElementsOf(expected);
            assertThat(mock.getReceivedExchanges()).allSatisfy(exchange -> {
                Object body = exchange.getMessage().getBody();
                assertThat(body).isInstanceOf(DOMAIN_TYPES.get(channel));
                String type = exchange.getMessage().getHeader("CamelCloudEventType", String.class);
                assertThat(exchange.getMessage().getHeader("CamelQlikEventDeprecated"))
                        .isEqualTo(QlikEventType.forTypeName(type).orElseThrow().deprecated());
            });
        }
        // the channels with a published source ask the server for it; web integrations ask without one
        List<SandboxRequest> requests = sandbox.requests();
        for (String source : new String[] { "identities", "iam-resources", "automations", "licenses" }) {
            assertThat(requests).anySatisfy(r -> assertThat(String.valueOf(r.query())).contains("source=com.qlik")
                    .contains(source));
        }
        assertThat(requests).filteredOn(r -> r.path().equals("/api/v1/audits"))
                .filteredOn(r -> !String.valueOf(r.query()).contains("source=")).isNotEmpty();
    }

    @Test
    void webhookModeSubscribesEachChannelToItsTypesAndDeliversOnlyThose() throws Exception {
        startSandbox(SandboxTenant.builder().channels(Channel.values()).history(0, Duration.ofSeconds(1)));
        startWebhookServer();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (Channel channel : Channel.values()) {
                    from(webhookUri("/" + channel.uriName(), "webhookExternalUrl=" + serverUrl() + "&tenantUrl="
                                                               + sandbox.url() + "&apiKey=" + API_KEY)
                            .replace("qlik-license-events:licenses", "qlik-events:" + channel.uriName()))
                            .routeId(channel.uriName()).to("mock:" + channel.uriName());
                }
            }
        });
        assertThat(sandbox.webhooks()).hasSize(Channel.values().length).allSatisfy(webhook -> {
            Channel channel = Channel.of(webhook.url().substring(webhook.url().lastIndexOf('/') + 1));
            assertThat(webhook.eventTypes()).containsExactlyInAnyOrderElementsOf(
                    channel.types().stream().map(QlikEventType::typeName).toList());
        });

        List<SandboxEvent> published = new ArrayList<>();
        for (int i = 0; i < 4 * QlikEventType.values().length; i++) {
            published.add(sandbox.feed().publishGenerated(Instant.now()));
        }

        for (Channel channel : Channel.values()) {
            MockEndpoint mock = mock(channel.uriName());
            List<String> expected = published.stream().filter(e -> Channel.ofType(e.type()).orElseThrow() == channel)
                    .map(SandboxEvent::eventId).toList();
            Progress.awaitCount(channel + " events", mock::getReceivedCounter, expected.size());
            assertThat(Set.copyOf(receivedIds(mock))).isEqualTo(Set.copyOf(expected));
            assertThat(mock.getReceivedExchanges()).allSatisfy(exchange -> assertThat(exchange.getMessage()
                    .getBody()).isInstanceOf(DOMAIN_TYPES.get(channel)));
        }
    }

    @Test
    void aTypeQlikOffersNoWebhookForFailsTheStartPointingToPollMode() throws Exception {
        List<String> offered = Arrays.stream(QlikEventType.values()).filter(t -> t.channel() != Channel.ROLES
                                                                                 || !t.deprecated())
                .map(QlikEventType::typeName).toList();
        startSandbox(SandboxTenant.builder().channels(Channel.values()).history(0, Duration.ofSeconds(1))
                .webhookEventTypes(offered));
        startWebhookServer();

        Throwable failure = catchThrowable(() -> context.addRoutes(rolesRoute("eventTypes=com.qlik.v1.role.updated")));

        assertThat(failure).hasStackTraceContaining("Qlik offers no webhook for event type(s) [com.qlik.v1.role.updated]")
                .hasStackTraceContaining("receive them by polling, from(\"qlik-events:roles\") without webhook:");
        assertThat(sandbox.webhooks()).isEmpty();

        // without a named type, the channel subscribes to what Qlik offers: the core role events
        context.addRoutes(rolesRoute(""));
        assertThat(sandbox.webhooks()).singleElement().satisfies(webhook -> assertThat(webhook.eventTypes())
                .containsExactlyInAnyOrder("com.qlik.core.role.created", "com.qlik.core.role.deleted",
                        "com.qlik.core.role.updated", "com.qlik.core.role.synced"));
    }

    @Test
    void eventTypesOfAnotherChannelAreRefusedNamingTheRightOne() throws Exception {
        startSandbox(SandboxTenant.builder().channels(Channel.values()).history(0, Duration.ofSeconds(1)));

        Throwable failure = catchThrowable(() -> startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from(pollUri("eventTypes=com.qlik.core.ip-policy.created")).to("mock:never");
            }
        }));

        assertThat(failure).hasStackTraceContaining("not an event of channel licenses")
                .hasStackTraceContaining("qlik-events:ip-policies");
    }

    private RouteBuilder rolesRoute(String options) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(webhookUri("/roles", "webhookExternalUrl=" + serverUrl() + "&tenantUrl=" + sandbox.url()
                                          + "&apiKey=" + API_KEY + (options.isEmpty() ? "" : "&" + options))
                        .replace("qlik-license-events:licenses", "qlik-events:roles"))
                        .routeId("roles").to("mock:roles");
            }
        };
    }
}
