package io.github.qlikevents.camel.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import io.github.qlikevents.camel.model.LeaseCreated;
import io.github.qlikevents.camel.support.Envelopes;
import io.github.qlikevents.camel.support.Envelopes.Shape;
import io.github.qlikevents.camel.support.TestSecrets;
import io.github.qlikevents.camel.support.WebhookTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The YAML example of a plain platform-http route with QlikWebhookVerifier and the transformer works as shown. */
class PlainHttpReceiverTest extends WebhookTestSupport {

    @Test
    void signedRequestIsDecodedAndBadOnesAreAnsweredAsDocumented() throws Exception {
        startWebhookContext(new RouteBuilder() {
            @Override
            public void configure() {
                // the example is loaded below
            }
        });
        Properties properties = new Properties();
        properties.setProperty("qlik.webhook.secret", TestSecrets.WEBHOOK_SECRET);
        properties.setProperty("qlik.plain.uri", "mock:plain");
        context.getPropertiesComponent().setInitialProperties(properties);
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveMandatoryResource(context,
                "file:../examples/yaml/plain-http-receiver.camel.yaml"));
        MockEndpoint plain = mock("plain");
        plain.expectedMessageCount(1);
        plain.message(0).body().isInstanceOf(LeaseCreated.class);
        byte[] body = Envelopes.wrap(Envelopes.example("com.qlik.v1.license.lease.created"), Shape.AUDIT_ITEM);

        assertThat(postSigned("/qlik/plain", body).statusCode()).isEqualTo(200);
        assertThat(post("/qlik/plain", body, Map.of(QlikSignature.HEADER, "abcd")).statusCode()).isEqualTo(401);
        assertThat(postSigned("/qlik/plain", "{\"data\":{}}".getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(400);

        assertSatisfied(plain);
    }
}
