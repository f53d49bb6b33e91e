package io.github.qlikevents.camel.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.qlikevents.camel.decoding.QlikJson;

/**
 * One page of a webhooks API list as Qlik answers it: {@code limit} 1 to 100 (default 20), {@code sort} on the named
 * fields with {@code +} or {@code -}, opaque {@code next}/{@code prev} cursors, and {@code links.self/next/prev}
 * absolute URLs that keep the query's other parameters.
 */
final class ListPage {

    private ListPage() {
    }

    /**
     * The page the query asks for of {@code items}, or a 400 for a bad limit, sort or cursor.
     *
     * @param items       every item the filters kept
     * @param query       the request's query parameters
     * @param sortable    the fields {@code sort} may name
     * @param defaultSort the sort when none is given, for example {@code -createdAt}
     * @param href        the absolute URL of the list, without query
     */
    static SandboxResponse of(List<ObjectNode> items, Map<String, String> query, List<String> sortable,
                              String defaultSort, String href) {
        int limit;
        try {
            limit = Integer.parseInt(query.getOrDefault("limit", "20"));
        } catch (NumberFormatException e) {
            limit = 0;
        }
        if (limit < 1 || limit > 100) {
            return SandboxResponse.error(400, "Bad request", "limit must be 1 to 100, was " + query.get("limit"));
        }
        String sort = query.getOrDefault("sort", defaultSort);
        String field = sort.replaceFirst("^[+-]", "");
        if (!sortable.contains(field)) {
            return SandboxResponse.error(400, "Bad request", "sort must be one of " + sortable + " with + or -");
        }
        Comparator<ObjectNode> order = Comparator.comparing(item -> item.path(field).asText());
        List<ObjectNode> sorted = items.stream().sorted(sort.startsWith("-") ? order.reversed() : order).toList();
        String cursor = query.containsKey("next") ? query.get("next") : query.get("prev");
        int at = cursor == null ? 0 : offset(cursor);
        if (at < 0 || at > sorted.size()) {
            return SandboxResponse.error(400, "Bad request", "the cursor is not valid");
        }
        int from = query.containsKey("next") || cursor == null ? at : Math.max(0, at - limit);
        int to = Math.min(sorted.size(), from + limit);
        ObjectNode page = QlikJson.mapper().createObjectNode();
        page.putArray("data").addAll(sorted.subList(from, to));
        ObjectNode links = page.putObject("links");
        links.putObject("self").put("href", href + query(query, null, 0));
        if (to < sorted.size()) {
            links.putObject("next").put("href", href + query(query, "next", to));
        }
        if (from > 0) {
            links.putObject("prev").put("href", href + query(query, "prev", from));
        }
        return SandboxResponse.json(200, page.toString());
    }

    /** Whether {@code value} matches {@code pattern}, where {@code *} is any text, ignoring case (name, url). */
    static boolean wildcard(String pattern, JsonNode value) {
        String regex = ("\\Q" + pattern.toLowerCase() + "\\E").replace("*", "\\E.*\\Q");
        return value.asText("").toLowerCase().matches(regex);
    }

    private static String query(Map<String, String> query, String cursor, int offset) {
        return SandboxHttp.queryString(query, cursor, cursor == null ? null : Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8)));
    }

    private static int offset(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return raw.startsWith("offset:") ? Integer.parseInt(raw.substring("offset:".length())) : -1;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
