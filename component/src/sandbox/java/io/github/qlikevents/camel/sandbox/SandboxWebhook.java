package io.github.qlikevents.camel.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * A webhook registered on the sandbox tenant.
 *
 * @param id                 its id
 * @param name               its name
 * @param url                where deliveries go
 * @param eventTypes         the types delivered
 * @param secret             the signing secret
 * @param enabled            whether deliveries go out
 * @param level              tenant or user
 * @param cloudEvents        whether deliveries are CloudEvents 1.0 documents
 * @param createdAt          when it was created
 * @param disabledReason     why the tenant disabled it, or null
 * @param disabledReasonCode the code of that reason, or null
 */
public record SandboxWebhook(String id, String name, String url, List<String> eventTypes, String secret,
                             boolean enabled, String level, boolean cloudEvents, Instant createdAt,
                             String disabledReason, String disabledReasonCode) {

    /** This webhook disabled by the tenant, for {@code reason}. */
    SandboxWebhook disabled(String reason, String code) {
        return new SandboxWebhook(id, name, url, eventTypes, secret, false, level, cloudEvents, createdAt, reason, code);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "SandboxWebhook[id=" + id + ", name=" + name + ", url=" + url + ", eventTypes=" + eventTypes
               + ", enabled=" + enabled + (disabledReason == null ? "" : ", disabledReason=" + disabledReason) + "]";
    }
}
