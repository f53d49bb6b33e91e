package io.github.qlikevents.camel.sandbox;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** Query string parsing and building for the sandbox. */
final class SandboxHttp {

    private SandboxHttp() {
    }

    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.put(name, value);
        }
        return query;
    }

    /** The query with cursors removed and, when {@code cursorName} is given, that cursor added. */
    static String queryString(Map<String, String> query, String cursorName, String cursor) {
        StringJoiner joiner = new StringJoiner("&", "?", "");
        joiner.setEmptyValue("");
        query.forEach((name, value) -> {
            if (!"next".equals(name) && !"prev".equals(name)) {
                joiner.add(encode(name) + "=" + encode(value));
            }
        });
        if (cursorName != null) {
            joiner.add(cursorName + "=" + encode(cursor));
        }
        return joiner.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
