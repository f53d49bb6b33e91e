package io.github.qlikevents.camel;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.catalog.RuntimeCamelCatalog;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated catalog JSON is what Camel tooling (JBang, Karavan, IDE plugins) shows users. */
class CatalogTest {

    @Test
    void catalogDescribesSchemeSyntaxEveryOptionAndEveryHeader() throws Exception {
        JsonNode catalog;
        try (CamelContext context = new DefaultCamelContext()) {
            String json = context.getCamelContextExtension().getContextPlugin(RuntimeCamelCatalog.class)
                    .componentJSonSchema("qlik-license-events");
            assertThat(json).as("catalog JSON found through the CamelContext").isNotNull();
            catalog = new ObjectMapper().readTree(json);
        }

        JsonNode component = catalog.get("component");
        assertThat(component.get("scheme").asText()).isEqualTo("qlik-license-events");
        assertThat(component.get("syntax").asText()).isEqualTo("qlik-license-events:channel");
        assertThat(component.get("consumerOnly").asBoolean()).isTrue();
        assertThat(component.get("label").asText()).contains("cloud", "saas", "monitoring");
        try (CamelContext context = new DefaultCamelContext()) {
            assertThat(context.getCamelContextExtension().getContextPlugin(RuntimeCamelCatalog.class)
                    .componentJSonSchema("qlik-events")).as("the alias scheme's catalog").contains("\"qlik-events\"");
            assertThat(context.getEndpoint("qlik-events:roles?tenantUrl=https://acme.eu.qlikcloud.com&apiKey=k"))
                    .isInstanceOf(QlikLicenseEventsEndpoint.class);
            assertThat(context.getEndpoint("qlik-license-events:ip-policies?tenantUrl=https://acme.eu.qlikcloud.com"
                                           + "&apiKey=k")).isInstanceOf(QlikLicenseEventsEndpoint.class);
        }

        assertThat(component.get("alternativeSchemes").asText()).isEqualTo("qlik-license-events,qlik-events");
        JsonNode properties = catalog.get("properties");
        assertThat(properties.get("channel").get("enum")).extracting(JsonNode::asText)
                .containsExactly("licenses", "automations", "roles", "web-integrations", "ip-policies");
        for (String option : new String[] { "tenantUrl", "apiKey", "clientId", "clientSecret", "eventTypes" }) {
            assertThat(properties.has(option)).as(option).isTrue();
            assertThat(catalog.get("componentProperties").has(option)).as("component option " + option).isTrue();
        }
        assertThat(properties.get("eventTypes").get("description").asText()).contains("asterisk");
        for (Map.Entry<String, JsonNode> option : properties.properties()) {
            assertThat(option.getValue().path("description").asText()).as("description of " + option.getKey())
                    .isNotBlank();
        }
        assertThat(properties.get("apiKey").get("secret").asBoolean()).isTrue();
        assertThat(properties.get("clientSecret").get("secret").asBoolean()).isTrue();
        assertThat(properties.get("clientId").get("secret").asBoolean()).isFalse();

        JsonNode headers = catalog.get("headers");
        for (String header : new String[] { "CamelCloudEventID", "CamelCloudEventSource", "CamelCloudEventType",
                "CamelCloudEventTime", "CamelCloudEventVersion", "CamelCloudEventDataContentType",
                "CamelCloudEventSubject", "CamelQlikTenantId", "CamelQlikUserId", "CamelQlikSessionId",
                "CamelQlikAuthType", "CamelQlikAuthClaims", "CamelQlikAuditId", "CamelQlikEventDeprecated",
                "CamelQlikArchived",
                "traceparent", "tracestate" }) {
            assertThat(headers.has(header)).as(header).isTrue();
            assertThat(headers.get(header).get("description").asText()).as(header).isNotBlank();
        }
    }
}
