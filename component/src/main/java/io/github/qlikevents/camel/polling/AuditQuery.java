package io.github.qlikevents.camel.polling;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import io.github.qlikevents.camel.http.TenantUrl;
import io.github.qlikevents.camel.model.EventTypeFilter;

/**
 * The first page request of a poll: oldest first ({@code sort=+eventTime}), from a given time, filtered on the server
 * by the one event type when there is one, else by source.
 */
final class AuditQuery {

    private static final DateTimeFormatter QLIK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    /** The open end of the interval: far enough for clock skew between us and the tenant. */
    private static final Duration AHEAD = Duration.ofDays(1);

    private final TenantUrl tenant;
    private final String fixedParameters;

    AuditQuery(TenantUrl tenant, int pageSize, EventTypeFilter filter, String source) {
        this.tenant = tenant;
        StringBuilder parameters = new StringBuilder("sort=%2BeventTime&limit=").append(pageSize);
        if (filter.singleType() != null) {
            parameters.append("&eventType=").append(encode(filter.singleType()));
        } else if (source != null && !source.isEmpty()) {
            parameters.append("&source=").append(encode(source));
        }
        this.fixedParameters = parameters.toString();
    }

    /** The tail's first page: everything from {@code from} on, and events dated up to a day past {@code now}. */
    URI firstPage(Instant from, Instant now) {
        return between(from, now.plus(AHEAD));
    }

    /** A sweep's first page: the events from {@code from} to {@code to}, both included. */
    URI between(Instant from, Instant to) {
        String interval = QLIK_TIME.format(from.truncatedTo(ChronoUnit.MILLIS)) + "/" + QLIK_TIME.format(to);
        return tenant.resolve("/api/v1/audits?" + fixedParameters + "&eventTime=" + encode(interval));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
