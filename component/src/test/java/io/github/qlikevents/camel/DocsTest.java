package io.github.qlikevents.camel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component page's option and header tables are the generated catalog's, and the README names every header.
 */
class DocsTest {

    @Test
    void optionAndHeaderTablesAreTheCatalogs() throws Exception {
        String page = Files.readString(OptionTables.PAGE);
        String section = page.substring(page.indexOf(OptionTables.START) + OptionTables.START.length(),
                page.indexOf(OptionTables.END));

        assertThat(section).as("the tables of %s; regenerate them with mvn -q test-compile exec:exec "
                               + "-Drun.main=io.github.qlikevents.camel.OptionTables", OptionTables.PAGE)
                .isEqualTo(OptionTables.render());
    }

    @Test
    void typeNamesKeepTheirGenerics() {
        assertThat(OptionTables.typeName("org.apache.camel.spi.StateRepository<java.lang.String, java.lang.String>"))
                .isEqualTo("StateRepository<String, String>");
        assertThat(OptionTables.typeName("java.util.Map<java.lang.String, java.lang.Object>"))
                .isEqualTo("Map<String, Object>");
        assertThat(OptionTables.typeName("boolean")).isEqualTo("boolean");
    }

    @Test
    void docsCoverTheCatalog() throws Exception {
        JsonNode catalog = new ObjectMapper().readTree(getClass().getResourceAsStream(
                "/META-INF/io/github/qlikevents/camel/qlik-license-events.json"));
        String docs = Files.readString(Path.of("src/main/docs/qlik-license-events-component.adoc"));
        String readme = Files.readString(Path.of("../README.md"));

        for (Iterator<String> options = catalog.get("properties").fieldNames(); options.hasNext();) {
            String option = options.next();
            assertThat(docs).as("option %s in the component docs", option).contains("*" + option + "*");
        }
        for (Iterator<String> headers = catalog.get("headers").fieldNames(); headers.hasNext();) {
            String header = headers.next();
            assertThat(docs).as("header %s in the component docs", header).contains("`" + header + "`");
            assertThat(readme).as("header %s in the README", header).contains(header);
        }
    }
}
