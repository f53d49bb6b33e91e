import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes the starter's {@code QlikLicenseEventsComponentConfiguration} from the component's catalog JSON (on the
 * classpath), so that every component option is a Spring Boot property with the catalog's description, type and
 * default, and spring-boot-configuration-processor turns it into IDE metadata. Run by the starter's build
 * (exec-maven-plugin, generate-sources) with the output folder as its one argument; nothing here is hand-kept.
 */
public final class StarterConfigurationGenerator {

    private static final String CATALOG = "META-INF/io/github/qlikevents/camel/qlik-license-events.json";
    private static final String PACKAGE = "io.github.qlikevents.camel.springboot";
    private static final String CLASS = "QlikLicenseEventsComponentConfiguration";
    private static final Map<String, String> BOXED = Map.of("boolean", "Boolean", "int", "Integer", "long", "Long");

    public static void main(String[] args) throws IOException {
        JsonNode catalog;
        try (InputStream in = StarterConfigurationGenerator.class.getClassLoader().getResourceAsStream(CATALOG)) {
            if (in == null) {
                throw new IllegalStateException("the component's catalog " + CATALOG + " is not on the classpath");
            }
            catalog = new ObjectMapper().readTree(in);
        }
        Path file = Path.of(args[0], PACKAGE.replace('.', '/'), CLASS + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source(catalog));
    }

    private static String source(JsonNode catalog) {
        StringBuilder fields = new StringBuilder();
        StringBuilder accessors = new StringBuilder();
        // the enabled flag: a field for its description only; ComponentConfigurationPropertiesCommon holds the value
        javadoc(fields, "Whether to configure the qlik-license-events component (qlik-events) from these properties."
                        + " This is enabled by default.");
        fields.append("    private Boolean enabled;\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = catalog.get("componentProperties").properties().iterator(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            String name = option.getKey();
            JsonNode meta = option.getValue();
            String type = BOXED.getOrDefault(meta.get("javaType").asText(), meta.get("javaType").asText());
            javadoc(fields, description(meta, type));
            fields.append("    private ").append(type).append(' ').append(name)
                    .append(initializer(type, meta.path("defaultValue"))).append(";\n");
            String property = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            accessors.append("\n    public ").append(type).append(" get").append(property).append("() {\n        return ")
                    .append(name).append(";\n    }\n\n    public void set").append(property).append('(').append(type)
                    .append(' ').append(name).append(") {\n        this.").append(name).append(" = ").append(name)
                    .append(";\n    }\n");
        }
        return "package " + PACKAGE + ";\n\n"
               + "/**\n * " + catalog.get("component").get("description").asText() + "\n *\n"
               + " * Generated from the component's catalog by the starter's build: do not edit.\n */\n"
               + "public class " + CLASS + " extends org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon {\n\n"
               + fields + accessors + "}\n";
    }

    private static String description(JsonNode meta, String type) {
        String text = meta.get("description").asText();
        if (!text.endsWith(".")) {
            text += ".";
        }
        if (type.contains(".") && !type.startsWith("java.lang.") && !type.startsWith("java.util.Map")) {
            text += " The option is a " + type + " type: a #bean:name reference.";
        }
        if (meta.path("secret").asBoolean()) {
            text += " Secret: keep it out of source control (an environment variable or a vault); Camel never logs it.";
        }
        return text;
    }

    private static String initializer(String type, JsonNode defaultValue) {
        if (defaultValue.isMissingNode() || defaultValue.isNull()) {
            return "";
        }
        String value = defaultValue.asText();
        return switch (type) {
            case "Boolean", "Integer" -> " = " + value;
            case "Long" -> " = " + value + "L";
            case "java.lang.String" -> " = \"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            default -> "";
        };
    }

    private static void javadoc(StringBuilder out, String text) {
        out.append("    /**\n");
        StringBuilder line = new StringBuilder("     *");
        for (String word : text.replace("*/", "*&#47;").split(" ")) {
            if (line.length() + word.length() > 110) {
                out.append(line).append('\n');
                line = new StringBuilder("     *");
            }
            line.append(' ').append(word);
        }
        out.append(line).append("\n     */\n");
    }
}
