package io.github.qlikevents.camel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The option and header tables of the component page, rendered from the catalog JSON that camel-package-maven-plugin
 * generates: {@link DocsTest} requires the page's section between the {@code component options} markers to be
 * exactly this; {@code main} rewrites that section ({@code mvn -q test-compile exec:exec
 * -Drun.main=io.github.qlikevents.camel.OptionTables}).
 */
public final class OptionTables {

    /** The page, in the component module (exec:exec runs at the repository root and says where the module is). */
    static final Path PAGE = Path.of(System.getProperty("qlik.component.dir", "."))
            .resolve("src/main/docs/qlik-license-events-component.adoc");
    static final String START = "// component options: START\n";
    static final String END = "// component options: END\n";
    private static final String CATALOG = "/META-INF/io/github/qlikevents/camel/qlik-license-events.json";
    private static final String INTRO = """
            == Configuring Options

            Every option can be set on the endpoint URI, or once on the component (`camel.component.qlik-license-events.*` in
            camel-main, Camel JBang, Camel Quarkus and Camel K, and in Spring Boot with the starter), in which case each
            endpoint starts from a copy of the component's settings.
            """;

    private OptionTables() {
    }

    public static void main(String[] args) throws IOException {
        String page = Files.readString(PAGE);
        Files.writeString(PAGE, page.substring(0, page.indexOf(START) + START.length()) + render()
                                + page.substring(page.indexOf(END)));
    }

    /** The section's text, from the catalog on the classpath. */
    static String render() throws IOException {
        JsonNode catalog;
        try (InputStream in = OptionTables.class.getResourceAsStream(CATALOG)) {
            catalog = new ObjectMapper().readTree(in);
        }
        StringBuilder text = new StringBuilder(INTRO);
        options(text, "Component Options", catalog.get("componentProperties"));
        springBootProperties(text, catalog.get("componentProperties"));
        options(text, "Endpoint Options", catalog.get("properties"));
        text.append("\n=== Message Headers\n\n[width=\"100%\",cols=\"2,5,1\",options=\"header\"]\n|===\n")
                .append("| Header | Description | Type\n");
        for (Map.Entry<String, JsonNode> header : catalog.get("headers").properties()) {
            text.append("| `").append(header.getKey()).append("` | ").append(cell(header.getValue().path("description")))
                    .append(" | ").append(typeName(header.getValue().path("javaType").asText())).append('\n');
        }
        return text.append("|===\n").toString();
    }

    private static void options(StringBuilder text, String title, JsonNode options) {
        text.append("\n=== ").append(title).append("\n\n[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n")
                .append("| Name | Description | Default | Type\n");
        for (Map.Entry<String, JsonNode> option : options.properties()) {
            JsonNode o = option.getValue();
            text.append("| *").append(option.getKey()).append("* (").append(o.path("group").asText()).append(") | ")
                    .append(cell(o.path("description"))).append(" | ").append(defaultOf(o))
                    .append(" | ").append(typeName(o.path("javaType").asText())).append('\n');
        }
        text.append("|===\n");
    }

    /** The component options as the starter binds them, described in the table above. */
    private static void springBootProperties(StringBuilder text, JsonNode options) {
        text.append("\n=== Spring Boot Properties\n\nWith `camel-qlik-license-events-starter`, every component option is a")
                .append(" Spring Boot property, under `camel.component.qlik-license-events.` and under")
                .append(" `camel.component.qlik-events.` (each configures the component of that name; the alias without a")
                .append(" tenant of its own takes the other's), with IDE metadata. An option that takes an object is")
                .append(" given as `#bean:name`.\n\n[width=\"100%\",cols=\"3,^1,2\",options=\"header\"]\n|===\n")
                .append("| Property (after `camel.component.qlik-license-events.`) | Default | Type\n")
                .append("| *enabled* | true | Boolean\n");
        for (Map.Entry<String, JsonNode> option : options.properties()) {
            text.append("| *").append(option.getKey().replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT))
                    .append("* | ").append(defaultOf(option.getValue())).append(" | ")
                    .append(typeName(option.getValue().path("javaType").asText())).append('\n');
        }
        text.append("|===\n");
    }

    /**
     * An option's default: the catalog's, except for a Boolean object, whose default is unset (the catalog gives every
     * boolean false).
     */
    private static String defaultOf(JsonNode option) {
        return "java.lang.Boolean".equals(option.path("javaType").asText()) ? "" : cell(option.path("defaultValue"));
    }

    /** A value for a table cell: as JSON has it (true, 100, PT2M), with the cell separator escaped. */
    private static String cell(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? "" : value.asText().replace("|", "\\|");
    }

    /** A Java type without its packages, generics kept: StateRepository<String, String>. */
    static String typeName(String javaType) {
        return javaType.replaceAll("\\b[a-z][a-z0-9_]*\\.", "");
    }
}
