package io.github.qlikevents.camel.kamelet;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.apache.camel.dsl.yaml.YamlRoutesBuilderLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every YAML route of the project, and the Kamelet's template, validate against the YAML DSL JSON schema that
 * camel-yaml-dsl ships, so Camel's tools (JBang, Karavan, the VS Code extension) accept them.
 */
class YamlDslSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = YamlRoutesBuilderLoader.class.getResourceAsStream("/schema/camelYamlDsl.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
    }

    static Stream<Path> yamlRoutes() throws Exception {
        return Stream.of("../routes", "../examples/yaml", "src/test/resources/routes").map(Path::of)
                .flatMap(YamlDslSchemaTest::walk).filter(p -> p.toString().endsWith(".camel.yaml"));
    }

    @ParameterizedTest
    @MethodSource("yamlRoutes")
    void routeFileValidates(Path file) throws Exception {
        assertValid(file.toString(), JSON.valueToTree(load(Files.readString(file))));
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void kameletTemplateValidatesAsARoute(Path kamelet) throws Exception {
        Map<?, ?> document = (Map<?, ?>) load(Files.readString(kamelet));
        Map<?, ?> spec = (Map<?, ?>) document.get("spec");
        assertThat(((Map<?, ?>) document.get("metadata")).get("name") + ".kamelet.yaml")
                .isEqualTo(kamelet.getFileName().toString());
        assertThat(document.get("kind")).isEqualTo("Kamelet");
        Object route = List.of(Map.of("route", Map.of("id", "kamelet", "from",
                ((Map<?, ?>) spec.get("template")).get("from"))));
        assertValid(kamelet + " template", JSON.valueToTree(route));
    }

    static Stream<Path> kamelets() throws Exception {
        return walk(Path.of("src/main/resources/kamelets"));
    }

    private static void assertValid(String what, JsonNode document) {
        Set<ValidationMessage> errors = schema.validate(document);
        assertThat(errors).as("schema errors of %s", what).isEmpty();
    }

    private static Object load(String yaml) {
        return new Load(LoadSettings.builder().build()).loadFromString(yaml);
    }

    private static Stream<Path> walk(Path directory) {
        try {
            return Files.walk(directory).filter(Files::isRegularFile).toList().stream();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
