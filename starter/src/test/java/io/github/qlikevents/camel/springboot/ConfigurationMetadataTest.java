package io.github.qlikevents.camel.springboot;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The IDE metadata the starter ships has every component option under both prefixes, as the catalog has it. */
class ConfigurationMetadataTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyOptionWithItsDescriptionTypeDefaultAndSecrecyUnderBothPrefixes() throws Exception {
        JsonNode catalog = read("META-INF/io/github/qlikevents/camel/qlik-license-events.json");
        Map<String, JsonNode> metadata = new HashMap<>();
        read("META-INF/spring-configuration-metadata.json").get("properties")
                .forEach(property -> metadata.put(property.get("name").asText(), property));

        for (String prefix : new String[] {"camel.component.qlik-license-events.", "camel.component.qlik-events."}) {
            assertThat(metadata).containsKey(prefix + "enabled");
            catalog.get("componentProperties").properties().forEach(option -> {
                JsonNode property = metadata.get(prefix + kebab(option.getKey()));
                assertThat(property).as("%s%s", prefix, option.getKey()).isNotNull();
                assertThat(property.get("description").asText()).startsWith(
                        option.getValue().get("description").asText().replaceAll("\\.$", ""));
                assertThat(property.get("type").asText()).isNotBlank();
                if (option.getValue().has("defaultValue")) {
                    assertThat(property.path("defaultValue").asText())
                            .as("default of %s", option.getKey()).isEqualTo(option.getValue().get("defaultValue").asText());
                }
                if (option.getValue().path("secret").asBoolean()) {
                    assertThat(property.get("description").asText()).as("secret %s", option.getKey()).contains("Secret:");
                }
            });
        }
    }

    private static String kebab(String camelCase) {
        return camelCase.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    private static JsonNode read(String resource) throws Exception {
        try (InputStream in = ConfigurationMetadataTest.class.getClassLoader().getResourceAsStream(resource)) {
            return JSON.readTree(in);
        }
    }
}
