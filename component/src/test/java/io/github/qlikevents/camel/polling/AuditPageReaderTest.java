package io.github.qlikevents.camel.polling;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The next link of an audits page, in the spellings seen in the wild, and pages that are not Qlik's JSON. */
class AuditPageReaderTest {

    private final AuditPageReader reader = new AuditPageReader();

    @Test
    void nextLinkInQliksSpelling() {
        assertThat(read("{\"data\":[],\"links\":{\"self\":{\"href\":\"/s\"},\"next\":{\"href\":\"/api/v1/audits?next=a\"}}}")
                .next()).isEqualTo("/api/v1/audits?next=a");
    }

    @Test
    void nextLinkWithCapitalisedNames() {
        assertThat(read("{\"Links\":{\"Next\":{\"Href\":\"/api/v1/audits?next=b\"}},\"data\":[]}").next())
                .isEqualTo("/api/v1/audits?next=b");
    }

    @Test
    void noNextLinkOnTheLastPage() {
        assertThat(read("{\"data\":[]}").next()).isNull();
        assertThat(read("{\"data\":[],\"links\":{\"next\":null}}").next()).isNull();
        assertThat(read("{\"data\":[],\"links\":{\"next\":{\"href\":null}}}").next()).isNull();
        assertThat(read("{\"data\":[],\"links\":{\"prev\":{\"href\":\"/p\"}}}").next()).isNull();
    }

    @Test
    void aPageThatIsNotQliksJsonFailsAsAWhole() {
        assertThatThrownBy(() -> read("[]")).isInstanceOf(AuditPageReader.MalformedPageException.class)
                .hasMessageContaining("expected a JSON object");
        assertThatThrownBy(() -> read("{\"data\":[{\"eventId\":\"e-1\"")).isInstanceOf(
                AuditPageReader.MalformedPageException.class);
    }

    private AuditPage read(String json) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8));
    }
}
