package io.github.qlikevents.camel.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.qlikevents.camel.decoding.QlikJson;

/** The Audits API of the sandbox: list with filters and cursors, one item, archive, types, sources, settings. */
final class AuditsEndpoint {

    private static final JsonFactory JSON = QlikJson.mapper().getFactory();

    private final SandboxTenant tenant;

    AuditsEndpoint(SandboxTenant tenant) {
        this.tenant = tenant;
    }

    /**
     * Answers one request below {@code /api/v1/audits}.
     *
     * @param linkBase the origin written into {@code next} and {@code prev} links
     */
    SandboxResponse handle(String path, Map<String, String> query, String linkBase) throws IOException {
        String rest = path.substring("/api/v1/audits".length());
        return switch (rest) {
            case "", "/" -> list(query, linkBase);
            case "/types" -> strings(tenant.feed().typeNames());
            case "/sources" -> strings(tenant.feed().sources());
            case "/settings" -> SandboxResponse.json(200, "{\"data\":{\"EventTTL\":" + tenant.retention().toSeconds()
                                                           + ",\"ArchiveEnabled\":" + tenant.archiveEnabled() + "}}");
            case "/archive" -> archive(query.get("date"));
            default -> one(rest.substring(1));
        };
    }

    private SandboxResponse list(Map<String, String> query, String linkBase) throws IOException {
        int limit;
        try {
            limit = Integer.parseInt(query.getOrDefault("limit", "10"));
        } catch (NumberFormatException e) {
            return SandboxResponse.error(400, "Bad request", "limit must be a number from 1 to 100");
        }
        if (limit < 1 || limit > 100) {
            return SandboxResponse.error(400, "Bad request", "limit must be from 1 to 100");
        }
        String sort = query.getOrDefault("sort", "-eventTime");
        if (!Set.of("+eventTime", "eventTime", "-eventTime").contains(sort)) {
            return SandboxResponse.error(400, "Bad request", "unsupported sort " + sort);
        }
        if (query.containsKey("next") && query.containsKey("prev")) {
            return SandboxResponse.error(400, "Bad request", "give next or prev, not both");
        }
        Predicate<SandboxEvent> filter;
        try {
            filter = filter(query);
        } catch (IllegalArgumentException e) {
            return SandboxResponse.error(400, "Bad request", e.getMessage());
        }
        boolean ascending = !sort.startsWith("-");
        String cursorText = query.containsKey("next") ? query.get("next") : query.get("prev");
        Cursor cursor = null;
        if (cursorText != null) {
            cursor = Cursor.decode(cursorText);
            if (cursor == null || cursor.issuedNanos() < tenant.cursorsValidFromNanos()) {
                return SandboxResponse.error(400, "Invalid cursor", "the cursor is invalid or has expired");
            }
        }
        boolean forward = cursor == null || cursor.forward();
        List<SandboxEvent> page = tenant.feed().page(cursor == null ? null : cursor.key(),
                ascending == forward, filter, limit);
        boolean more = page.size() > limit;
        if (more) {
            page = page.subList(0, limit);
        }
        if (!forward) {
            page = new ArrayList<>(page);
            Collections.reverse(page);
        }
        List<SandboxEvent> items = page;
        if (cursor != null && cursor.forward() && tenant.duplicatesAcrossPages()) {
            SandboxEvent repeated = tenant.feed().find(cursor.key().id());
            if (repeated != null) {
                items = new ArrayList<>(page);
                items.add(0, repeated);
            }
        }
        String next = null;
        String prev = null;
        if (!page.isEmpty()) {
            if (more || !forward) {
                next = link(linkBase, query, "next", new Cursor(System.nanoTime(), true, key(page.get(page.size() - 1))));
            }
            if (cursor != null && (forward || more)) {
                prev = link(linkBase, query, "prev", new Cursor(System.nanoTime(), false, key(page.get(0))));
            }
        }
        return SandboxResponse.json(200, page(items, selfLink(query), next, prev));
    }

    private Predicate<SandboxEvent> filter(Map<String, String> query) {
        Instant oldest = tenant.now().minus(tenant.retention());
        Predicate<SandboxEvent> filter = e -> !e.time().isBefore(oldest);
        String eventType = query.get("eventType");
        if (eventType != null) {
            filter = filter.and(e -> e.type().equals(eventType));
        }
        String source = query.get("source");
        if (source != null) {
            filter = filter.and(e -> source.equals(EventGenerator.sourceOf(e.type())));
        }
        String userId = query.get("userId");
        if (userId != null) {
            filter = filter.and(e -> userId.equals(e.userId()));
        }
        String ids = query.get("id");
        if (ids != null) {
            Set<String> wanted = Set.of(ids.split(","));
            filter = filter.and(e -> wanted.contains(e.auditId()) || wanted.contains(e.eventId()));
        }
        String interval = query.get("eventTime");
        if (interval != null) {
            String[] bounds = interval.split("/", -1);
            if (bounds.length != 2) {
                throw new IllegalArgumentException("eventTime must be an interval start/end");
            }
            Instant from = bounds[0].isEmpty() ? Instant.MIN : Instant.parse(bounds[0]);
            Instant to = bounds[1].isEmpty() ? Instant.MAX : Instant.parse(bounds[1]);
            filter = filter.and(e -> !e.time().isBefore(from) && !e.time().isAfter(to));
        }
        return filter;
    }

    private SandboxResponse one(String id) throws IOException {
        SandboxEvent event = tenant.feed().find(id);
        if (event == null) {
            return SandboxResponse.error(404, "Not found", "no audit " + id);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            EventDocuments.writeAuditItem(json, event, tenant.url());
        }
        return SandboxResponse.json(200, out.toByteArray());
    }

    /**
     * One day of the archive: the events of that UTC day older than the retention, as archive items (no audit id, no
     * links), written while sent so that a day of any size costs no memory; newest first, since Qlik documents no
     * order.
     */
    private SandboxResponse archive(String date) {
        if (!tenant.archiveEnabled()) {
            return SandboxResponse.error(404, "Not found", "the archive is disabled on this tenant");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (RuntimeException e) {
            return SandboxResponse.error(400, "Bad request", "date must be YYYY-MM-DD");
        }
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant oldest = tenant.now().minus(tenant.retention());
        Instant to = from.plusSeconds(86_400).isBefore(oldest) ? from.plusSeconds(86_400) : oldest;
        return SandboxResponse.streamed(out -> {
            try (JsonGenerator json = JSON.createGenerator(out)) {
                json.writeStartObject();
                json.writeArrayFieldStart("data");
                for (Iterator<SandboxEvent> it = tenant.feed().newestBefore(to); it.hasNext();) {
                    SandboxEvent event = it.next();
                    if (event.time().isBefore(from)) {
                        break;
                    }
                    EventDocuments.writeArchiveItem(json, event);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
        });
    }

    private byte[] page(List<SandboxEvent> events, String self, String next, String prev) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + events.size() * 900);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("data");
            for (SandboxEvent event : events) {
                EventDocuments.writeAuditItem(json, event, tenant.url());
            }
            json.writeEndArray();
            if (self != null) {
                json.writeObjectFieldStart("links");
                writeLink(json, "self", self);
                writeLink(json, "next", next);
                writeLink(json, "prev", prev);
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void writeLink(JsonGenerator json, String name, String href) throws IOException {
        if (href != null) {
            json.writeObjectFieldStart(name);
            json.writeStringField("href", href);
            json.writeEndObject();
        }
    }

    private static SandboxResponse strings(List<String> values) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * values.size());
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("data");
            for (String value : values) {
                json.writeString(value);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return SandboxResponse.json(200, out.toByteArray());
    }

    private static EventFeed.Key key(SandboxEvent event) {
        return new EventFeed.Key(event.time(), event.eventId());
    }

    private String selfLink(Map<String, String> query) {
        return tenant.url() + "/api/v1/audits" + SandboxHttp.queryString(query, null, null);
    }

    private static String link(String linkBase, Map<String, String> query, String name, Cursor cursor) {
        return linkBase + "/api/v1/audits" + SandboxHttp.queryString(query, name, cursor.encode());
    }
}
