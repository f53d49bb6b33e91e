package io.github.qlikevents.camel.polling;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.qlikevents.camel.model.LeaseCreated;
import io.github.qlikevents.camel.support.Envelopes;
import io.github.qlikevents.camel.support.FakeTransport;
import io.github.qlikevents.camel.support.SandboxTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The poll consumer against a fake API given through the autowired transport option: no server, no port, the
 * requests it sends and the exchanges it makes, in a few milliseconds.
 */
class PollingWithFakeTransportTest extends CamelTestSupport {

    private final FakeTransport api = new FakeTransport();

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("fakeQlikApi", api);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        ObjectNode first = Envelopes.example("com.qlik.v1.license.lease.created");
        ObjectNode second = Envelopes.example("com.qlik.license.assignment.updated").put("id", "second-event");
        api.answer(200, "{\"data\":[" + Envelopes.auditItem(first) + "," + Envelopes.auditItem(second) + "]}")
                .thenAlways(200, "{\"data\":[]}");
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("qlik-license-events:licenses?tenantUrl=https://acme.eu.qlikcloud.com&apiKey=unit-test-api-key"
                     + "&since=PT12H&delay=50")
                        .to("mock:events");
            }
        };
    }

    @Test
    void aPageFromTheTransportBecomesTypedExchangesInItsOrder() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(2);

        SandboxTestSupport.assertSatisfied(events);

        assertThat(events.getReceivedExchanges().get(0).getMessage().getBody()).isInstanceOf(LeaseCreated.class);
        assertThat(events.getReceivedExchanges().get(1).getMessage().getHeader("CamelCloudEventID"))
                .isEqualTo("second-event");
        List<FakeTransport.Sent> sent = api.sent();
        assertThat(sent.get(0).method()).isEqualTo("GET");
        assertThat(sent.get(0).uri().getPath()).isEqualTo("/api/v1/audits");
        assertThat(sent.get(0).uri().getQuery()).contains("source=com.qlik/licenses");
        assertThat(sent.get(0).bearerToken()).isEqualTo("unit-test-api-key");
    }
}
