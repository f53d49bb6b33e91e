package io.github.qlikevents.camel.kamelet;

import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.qlikevents.camel.model.LeaseEvent;
import io.github.qlikevents.camel.support.SandboxTestSupport;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import io.github.qlikevents.camel.model.Channel;
import io.github.qlikevents.camel.model.IpPolicyEvent;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import io.github.qlikevents.camel.support.Progress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kamelet is found on the classpath and runs from a YAML route against the sandbox, in both output formats. */
class KameletTest extends SandboxTestSupport {

    @Test
    void yamlRouteFromTheKameletDeliversTypedEventsAndCloudEvents() throws Exception {
        startSandbox(40);
        startYamlRoutes("kamelet-source");
        long leases = sandbox.feed().snapshot().stream().filter(e -> e.type().startsWith("com.qlik.v1.license.lease."))
                .count();
        MockEndpoint typed = mock("typed");
        MockEndpoint cloudEvents = mock("cloudevents");
        typed.expectedMessageCount((int) leases);
        typed.allMessages().body().isInstanceOf(LeaseEvent.class);
        cloudEvents.expectedMessageCount(40);

        assertSatisfied(context);

        assertThat(receivedIds(cloudEvents)).containsExactlyElementsOf(expectedIds(e -> true));
        JsonNode first = new ObjectMapper().readTree(cloudEvents.getReceivedExchanges().get(0).getMessage()
                .getBody(byte[].class));
        assertThat(first.get("specversion").asText()).isEqualTo("1.0");
        assertThat(first.get("id").asText()).isEqualTo(sandbox.feed().snapshot().get(0).eventId());
    }

    @Test
    void theChannelPropertySelectsTheDomain() throws Exception {
        startSandbox(SandboxTenant.builder().channels(Channel.values())
                .history(112, java.time.Duration.ofSeconds(1), java.time.Instant.now().minusSeconds(10)));
        startYamlRoutes("kamelet-channel");
        List<String> policies = expectedIds(e -> e.type().startsWith("com.qlik.core.ip-policy."));
        MockEndpoint mock = mock("policies");

        Progress.awaitCount("IP policy events", mock::getReceivedCounter, policies.size());

        assertThat(receivedIds(mock)).containsExactlyElementsOf(policies);
        assertThat(mock.getReceivedExchanges()).allSatisfy(e -> assertThat(e.getMessage().getBody())
                .isInstanceOf(IpPolicyEvent.class));
    }

    /** A context running the YAML routes of src/test/resources/routes/{name}.camel.yaml against the sandbox. */
    private void startYamlRoutes(String name) throws Exception {
        context = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.setProperty("qlik.tenant-url", sandbox.url());
        properties.setProperty("qlik.api-key", API_KEY);
        context.getPropertiesComponent().setInitialProperties(properties);
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveMandatoryResource(context, "classpath:routes/" + name + ".camel.yaml"));
        context.start();
    }
}
