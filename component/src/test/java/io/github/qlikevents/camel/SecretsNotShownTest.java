package io.github.qlikevents.camel;

import io.github.qlikevents.camel.support.TestSecrets;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Secrets set as options never show in what Camel prints of an endpoint or a route. */
class SecretsNotShownTest {

    @Test
    void endpointUriToStringAndRouteDumpMaskSecrets() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("qlik-license-events:licenses?tenantUrl=https://acme.eu.qlikcloud.com&apiKey="
                         + TestSecrets.API_KEY + "&clientSecret=" + TestSecrets.CLIENT_SECRET + "&clientId=c1")
                            .routeId("secrets").autoStartup(false).to("log:x");
                }
            });
            context.start();
            Endpoint endpoint = context.getRoute("secrets").getEndpoint();
            String dump = context.getRoute("secrets").toString();

            for (String shown : new String[] { endpoint.toString(), URISupport.sanitizeUri(endpoint.getEndpointUri()),
                    dump, endpoint.getEndpointBaseUri(),
                    ((QlikLicenseEventsEndpoint) endpoint).getConfiguration().toString() }) {
                assertThat(shown).doesNotContain(TestSecrets.API_KEY).doesNotContain(TestSecrets.CLIENT_SECRET);
            }
            assertThat(endpoint.toString()).contains("apiKey=xxxxxx").contains("clientSecret=xxxxxx");
        }
    }
}
