package io.github.qlikevents.camel.model;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code eventTypes} option: full type names, or prefixes ending in {@code *} such as
 * {@code com.qlik.v1.license.lease.*}; none given means every type, including types Qlik adds later.
 */
public final class EventTypeFilter {

    private final List<String> patterns;

    private EventTypeFilter(List<String> patterns) {
        this.patterns = patterns;
    }

    /** Parses the comma-separated option; null or blank means every type. */
    public static EventTypeFilter parse(String option) {
        if (option == null || option.isBlank()) {
            return new EventTypeFilter(List.of());
        }
        return new EventTypeFilter(Arrays.stream(option.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .distinct().toList());
    }

    /** True when the type is wanted. */
    public boolean accepts(String type) {
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

    /** The one concrete type to ask the server for, or null when the filter is anything else. */
    public String singleType() {
        return patterns.size() == 1 && !isWildcard(patterns.get(0)) ? patterns.get(0) : null;
    }

    /**
     * The concrete types to subscribe a Qlik webhook to: each pattern expanded over the types this version knows
     * (Qlik's webhooks take no wildcards); every license type when the filter is empty.
     */
    public Set<String> concreteTypes() {
        Set<String> types = new LinkedHashSet<>();
        for (LicenseEventType type : LicenseEventType.values()) {
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
