package io.github.qlikevents.camel.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.qlikevents.camel.support.TestSecrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox behaves like Qlik's Audits API, so that what the component is tested against is worth it. */
class SandboxTenantTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private SandboxTenant tenant;

    @BeforeEach
    void start() throws Exception {
        // 100 days of history, one event every 12 hours (the newest 11 h ago): 20 events are past the 90-day window
        tenant = SandboxTenant.builder().history(200, Duration.ofHours(12), Instant.now().plus(Duration.ofHours(1)))
                .apiKey(TestSecrets.API_KEY).start();
    }

    @AfterEach
    void stop() {
        tenant.close();
    }

    @Test
    void listIsNewestFirstByDefaultWithTenItemsAndOnlyNinetyDays() throws Exception {
        JsonNode page = get("/api/v1/audits");

        assertThat(page.get("data")).hasSize(10);
        Instant first = Instant.parse(page.get("data").get(0).get("eventTime").asText());
        Instant second = Instant.parse(page.get("data").get(1).get("eventTime").asText());
        assertThat(first).isAfter(second);
        assertThat(page.path("links").path("next").path("href").asText()).startsWith(tenant.url());
        List<JsonNode> all = pageThrough("/api/v1/audits?limit=100");
        assertThat(all).hasSize(180);
    }

    @Test
    void ascendingPagesWithNextAndBackWithPrev() throws Exception {
        JsonNode first = get("/api/v1/audits?sort=%2BeventTime&limit=5");
        JsonNode second = get(path(first.get("links").get("next").get("href").asText()));
        JsonNode back = get(path(second.get("links").get("prev").get("href").asText()));

        assertThat(ids(back)).isEqualTo(ids(first));
        assertThat(Instant.parse(second.get("data").get(0).get("eventTime").asText()))
                .isAfter(Instant.parse(first.get("data").get(4).get("eventTime").asText()));
    }

    @Test
    void filtersAndQlikErrors() throws Exception {
        JsonNode leases = get("/api/v1/audits?eventType=com.qlik.v1.license.lease.created&limit=100");
        assertThat(leases.get("data")).allSatisfy(item -> assertThat(item.get("eventType").asText())
                .isEqualTo("com.qlik.v1.license.lease.created"));

        HttpResponse<String> tooMany = send("/api/v1/audits?limit=101", TestSecrets.API_KEY);
        HttpResponse<String> both = send("/api/v1/audits?next=a&prev=b", TestSecrets.API_KEY);
        HttpResponse<String> unauthorized = send("/api/v1/audits", TestSecrets.WRONG_API_KEY);

        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(unauthorized.body()).get("errors").get(0).get("code").asText()).isEqualTo("HTTP-401");
    }

    @Test
    void rateLimitAnswersRetryAfterAndQliksBody() throws Exception {
        tenant.inject(Fault.rateLimit(1, Duration.ofSeconds(13)));

        HttpResponse<String> limited = send("/api/v1/audits", TestSecrets.API_KEY);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("13");
        assertThat(limited.body()).contains("API rate limit reached.").contains("wait 13 seconds");
        assertThat(send("/api/v1/audits", TestSecrets.API_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void oneItemArchiveTypesSourcesAndSettings() throws Exception {
        SandboxEvent newest = tenant.feed().snapshot().get(199);
        SandboxEvent oldest = tenant.feed().snapshot().get(0);
        LocalDate oldDay = oldest.time().atZone(ZoneOffset.UTC).toLocalDate();

        assertThat(get("/api/v1/audits/" + newest.auditId()).get("eventId").asText()).isEqualTo(newest.eventId());
        // the oldest event's UTC day holds one or two events, by the hour this runs at: expect exactly that day's
        // events, newest first, as the sandbox streams an archive day
        List<String> oldDayNewestFirst = tenant.feed().snapshot().stream()
                .filter(event -> event.time().atZone(ZoneOffset.UTC).toLocalDate().equals(oldDay))
                .sorted(Comparator.comparing(SandboxEvent::time).reversed()).map(SandboxEvent::eventId).toList();
        assertThat(oldDayNewestFirst).contains(oldest.eventId());
        assertThat(ids(get("/api/v1/audits/archive?date=" + oldDay))).isEqualTo(oldDayNewestFirst);
        assertThat(get("/api/v1/audits/types").get("data")).hasSize(10);
        assertThat(get("/api/v1/audits/sources").get("data").get(0).asText()).isEqualTo("com.qlik/licenses");
        assertThat(get("/api/v1/audits/settings").get("data").get("EventTTL").asLong()).isEqualTo(90L * 86_400);
    }

    private List<JsonNode> pageThrough(String first) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        String next = first;
        while (next != null) {
            JsonNode page = get(next);
            page.get("data").forEach(items::add);
            JsonNode href = page.path("links").path("next").path("href");
            next = href.isMissingNode() ? null : path(href.asText());
        }
        return items;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("data").forEach(item -> ids.add(item.get("eventId").asText()));
        return ids;
    }

    private String path(String href) {
        return href.substring(tenant.url().length());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send(path, TestSecrets.API_KEY);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String path, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(tenant.url() + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
    }
}
