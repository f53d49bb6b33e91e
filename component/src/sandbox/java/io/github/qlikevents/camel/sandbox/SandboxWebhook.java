package io.github.qlikevents.camel.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * A webhook registered on the sandbox tenant.
 *
 * @param id          its id
 * @param name        its name
 * @param url         where deliveries go
 * @param eventTypes  the types delivered
 * @param secret      the signing secret
 * @param enabled     whether deliveries go out
 * @param level       tenant or user
 * @param cloudEvents whether deliveries are CloudEvents 1.0 documents
 * @param createdAt   when it was created
 */
public record SandboxWebhook(String id, String name, String url, List<String> eventTypes, String secret,
                             boolean enabled, String level, boolean cloudEvents, Instant createdAt) {

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "SandboxWebhook[id=" + id + ", name=" + name + ", url=" + url + ", eventTypes=" + eventTypes + "]";
    }
}
