package io.github.qlikevents.camel.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The sandbox's opaque paging cursor: the key of the item the page continues from, the direction, and when it was
 * issued (so the sandbox can expire cursors like Qlik does).
 */
record Cursor(long issuedNanos, boolean forward, EventFeed.Key key) {

    String encode() {
        String raw = issuedNanos + "|" + (forward ? "n" : "p") + "|" + key.time() + "|" + key.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor, or null when the text is no cursor of ours. */
    static Cursor decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", 4);
            return new Cursor(Long.parseLong(parts[0]), "n".equals(parts[1]),
                    new EventFeed.Key(Instant.parse(parts[2]), parts[3]));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
