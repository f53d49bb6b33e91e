package io.github.qlikevents.camel.polling;

import java.time.Duration;
import java.util.Set;

import io.github.qlikevents.camel.http.ApiKeyAuth;
import io.github.qlikevents.camel.http.QlikApiClient;
import io.github.qlikevents.camel.http.RetryPolicy;
import io.github.qlikevents.camel.http.TenantUrl;
import io.github.qlikevents.camel.model.Channel;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import io.github.qlikevents.camel.support.CapturedLogs;
import io.github.qlikevents.camel.support.FakeTransport;
import io.github.qlikevents.camel.support.SandboxTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The names a user sets are checked against the tenant's Audits API at the first start: a typo fails it. */
class AuditVocabularyTest extends SandboxTestSupport {

    @Test
    void aSourceNearOneTheTenantListsFailsTheStartNamingIt() throws Exception {
        startSandbox(10);

        Throwable failure = catchThrowable(() -> startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from(pollUri("since=P1D&source=com.qlik/licences")).to("mock:never");
            }
        }));

        assertThat(failure).hasStackTraceContaining("Option source names 'com.qlik/licences'")
                .hasStackTraceContaining("GET /api/v1/audits/sources")
                .hasStackTraceContaining("did you mean com.qlik/licenses?");
        assertThat(mock("never").getReceivedCounter()).isZero();
    }

    @Test
    void aNamedTypeTheTenantDoesNotListIsPolledForWithAWarning() throws Exception {
        // a tenant whose Audits API has seen role events only
        startSandbox(SandboxTenant.builder().channels(Channel.ROLES).history(10, Duration.ofSeconds(1)));
        try (CapturedLogs logs = new CapturedLogs(AuditVocabulary.class)) {
            startContext(new RouteBuilder() {
                @Override
                public void configure() {
                    from(pollUri("eventTypes=com.qlik.v1.license.lease.created")).routeId("leases").to("mock:leases");
                }
            });

            assertThat(logs.lines()).anyMatch(line -> line.contains("lists no eventTypes 'com.qlik.v1.license.lease"
                                                                   + ".created' yet"));
        }
        awaitMorePolls("leases", 2);
    }

    @Test
    void listsThatCannotBeReadLeaveTheNamesAsGiven() {
        FakeTransport transport = new FakeTransport().answer(403, "{\"errors\":[{\"title\":\"Forbidden\"}]}");
        QlikApiClient api = new QlikApiClient(TenantUrl.of("https://acme.eu.qlikcloud.com"), transport,
                new ApiKeyAuth("unit-test-api-key"), new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1)), 0);

        try (CapturedLogs logs = new CapturedLogs(AuditVocabulary.class)) {
            AuditVocabulary.check(api, "com.qlik/licences", Set.of());

            assertThat(logs.lines()).anyMatch(line -> line.contains("Could not check option source")
                                                      && line.contains("403"));
        }
    }
}
