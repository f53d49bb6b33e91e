package io.github.qlikevents.camel.polling;

import java.io.IOException;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.qlikevents.camel.decoding.QlikJson;
import io.github.qlikevents.camel.http.HttpResult;
import io.github.qlikevents.camel.http.QlikApiClient;
import io.github.qlikevents.camel.http.QlikApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the tenant's {@code GET /api/v1/audits/settings} says: how long the Audits API list keeps events (Qlik's
 * {@code EventTTL}, in seconds) and whether older ones are archived.
 *
 * @param eventTtl       how long the list keeps events
 * @param archiveEnabled whether Qlik archives older events
 */
record ArchiveSettings(Duration eventTtl, boolean archiveEnabled) {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveSettings.class);
    /** What Qlik documents the list keeps, used when the settings cannot be read. */
    static final Duration DEFAULT_TTL = Duration.ofDays(90);

    /** Reads the settings; when they cannot be read, 90 days and an archive assumed on (its errors are handled). */
    static ArchiveSettings read(QlikApiClient api) {
        try {
            HttpResult result = api.send("GET", api.tenant().resolve("/api/v1/audits/settings"), null);
            if (result.ok()) {
                JsonNode data = QlikJson.mapper().readTree(result.body()).path("data");
                if (data.path("EventTTL").canConvertToLong() && data.path("EventTTL").asLong() > 0) {
                    return new ArchiveSettings(Duration.ofSeconds(data.get("EventTTL").asLong()),
                            data.path("ArchiveEnabled").asBoolean(true));
                }
            }
            LOG.warn("The audit settings of tenant {} did not give an EventTTL (HTTP {}): assuming the list keeps {}"
                     + " days", api.tenant().host(), result.status(), DEFAULT_TTL.toDays());
        } catch (QlikApiException | IOException e) {
            LOG.warn("Cannot read the audit settings of tenant {} ({}): assuming the list keeps {} days",
                    api.tenant().host(), e.getMessage(), DEFAULT_TTL.toDays());
        }
        return new ArchiveSettings(DEFAULT_TTL, true);
    }
}
