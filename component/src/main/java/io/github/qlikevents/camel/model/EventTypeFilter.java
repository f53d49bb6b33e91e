package io.github.qlikevents.camel.model;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which events an endpoint delivers: those of its channel, narrowed by the {@code eventTypes} option (full type
 * names, or prefixes ending in {@code *} such as {@code com.qlik.v1.license.lease.*}); no option means every type of
 * the channel, including types Qlik adds later.
 */
public final class EventTypeFilter {

    private final Channel channel;
    private final List<String> patterns;

    private EventTypeFilter(Channel channel, List<String> patterns) {
        this.channel = channel;
        this.patterns = patterns;
    }

    /**
     * Parses the comma-separated option; null or blank means every type of the channel.
     *
     * @throws IllegalArgumentException when a full type name belongs to another channel
     */
    public static EventTypeFilter parse(String option, Channel channel) {
        List<String> patterns = option == null || option.isBlank() ? List.of()
                : Arrays.stream(option.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        for (String pattern : patterns) {
            if (!isWildcard(pattern) && !channel.contains(pattern)) {
                throw new IllegalArgumentException("Option eventTypes names '" + pattern + "', which is not an event"
                                                   + " of channel " + channel + Channel.ofType(pattern)
                                                           .map(other -> ": read it from qlik-events:" + other)
                                                           .orElse(""));
            }
        }
        return new EventTypeFilter(channel, patterns);
    }

    /** True when the type is wanted: one of the channel's, and matched by the option when there is one. */
    public boolean accepts(String type) {
        if (!channel.contains(type)) {
            return false;
        }
        if (patterns.isEmpty()) {
            return true;
        }
        for (String pattern : patterns) {
            if (type != null && matches(pattern, type)) {
                return true;
            }
        }
        return false;
    }

    /** The full type names the option names (not its wildcards). */
    public Set<String> namedTypes() {
        Set<String> named = new LinkedHashSet<>();
        patterns.stream().filter(pattern -> !isWildcard(pattern)).forEach(named::add);
        return named;
    }

    /** The one concrete type to ask the server for, or null when the filter is anything else. */
    public String singleType() {
        return patterns.size() == 1 && !isWildcard(patterns.get(0)) ? patterns.get(0) : null;
    }

    /**
     * The concrete types to subscribe a Qlik webhook to: each pattern expanded over the types this version knows
     * (Qlik's webhooks take no wildcards); every known type of the channel when the filter is empty.
     */
    public Set<String> concreteTypes() {
        Set<String> types = new LinkedHashSet<>();
        for (QlikEventType type : channel.types()) {
            if (accepts(type.typeName())) {
                types.add(type.typeName());
            }
        }
        for (String pattern : patterns) {
            if (!isWildcard(pattern)) {
                types.add(pattern);
            }
        }
        return types;
    }

    @Override
    public String toString() {
        return patterns.isEmpty() ? "*" : String.join(",", patterns);
    }

    private static boolean matches(String pattern, String typeName) {
        return isWildcard(pattern)
                ? typeName.startsWith(pattern.substring(0, pattern.length() - 1))
                : pattern.equals(typeName);
    }

    private static boolean isWildcard(String pattern) {
        return pattern.endsWith("*");
    }
}
