package io.github.qlikevents.camel.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Qlik system-event domain an endpoint reads, the endpoint URI's path: the five domains of Qlik's system events
 * release note. Each knows its Audits API {@code source} and which event types are its own.
 */
public enum Channel {

    /** Qlik's {@code system-events.licenses} channel. */
    LICENSES("licenses", "com.qlik/licenses", false, "license", "licenses"),
    /** Qlik's {@code system-events.automation} channel: automation runs. */
    AUTOMATIONS("automations", "com.qlik/automations", true, "automation"),
    /** Qlik's {@code system-events.roles} channel; its source also publishes user and group events. */
    ROLES("roles", "com.qlik/identities", true, "role"),
    /** Qlik's {@code system-events.web-integrations} channel; Qlik publishes no source for it. */
    WEB_INTEGRATIONS("web-integrations", null, true, "web-integration"),
    /** Qlik's {@code system-events.ip-policy} channel; its source also publishes auth-settings events. */
    IP_POLICIES("ip-policies", "com.qlik/iam-resources", true, "ip-policy");

    /** Every type name starts with this; the resource follows, after an optional namespace such as v1 or core. */
    private static final String QLIK = "com.qlik.";

    private final String uriName;
    private final String source;
    private final boolean strictEnvelope;
    private final List<String> resources;

    Channel(String uriName, String source, boolean strictEnvelope, String... resources) {
        this.uriName = uriName;
        this.source = source;
        this.strictEnvelope = strictEnvelope;
        this.resources = List.of(resources);
    }

    /** The channel named in an endpoint URI, with an error naming the supported ones. */
    public static Channel of(String name) {
        return Arrays.stream(values()).filter(channel -> channel.uriName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown channel '" + name + "': use one of "
                                                                + Arrays.stream(values()).map(Channel::uriName)
                                                                        .collect(Collectors.joining(", "))));
    }

    /**
     * The channel an event type belongs to: the one of its row in {@link QlikEventType}, else (a type this version
     * does not know) the one whose resource names the type, e.g. {@code com.qlik.core.role.assigned} is a role event.
     */
    public static Optional<Channel> ofType(String typeName) {
        Optional<QlikEventType> known = QlikEventType.forTypeName(typeName);
        if (known.isPresent()) {
            return Optional.of(known.get().channel());
        }
        if (typeName == null || !typeName.startsWith(QLIK)) {
            return Optional.empty();
        }
        List<String> segments = List.of(typeName.substring(QLIK.length()).split("\\."));
        // the resource is the first segment, or the second after a namespace such as v1 or core
        List<String> head = segments.subList(0, Math.min(2, segments.size()));
        return Arrays.stream(values()).filter(channel -> channel.resources.stream().anyMatch(head::contains))
                .findFirst();
    }

    /** True when the event type is one of this channel's, known or not. */
    public boolean contains(String typeName) {
        return ofType(typeName).orElse(null) == this;
    }

    /** The name in the endpoint URI. */
    public String uriName() {
        return uriName;
    }

    /** The Audits API {@code source} of this channel's events, or {@code null} when Qlik publishes none. */
    public String source() {
        return source;
    }

    /**
     * True when Qlik requires {@code id}, {@code source}, {@code specversion}, {@code type} and {@code tenantid} in
     * every envelope of this channel (all but licenses).
     */
    public boolean strictEnvelope() {
        return strictEnvelope;
    }

    /** The types of this channel that this version knows. */
    public List<QlikEventType> types() {
        return Arrays.stream(QlikEventType.values()).filter(type -> type.channel() == this).toList();
    }

    @Override
    public String toString() {
        return uriName;
    }
}
