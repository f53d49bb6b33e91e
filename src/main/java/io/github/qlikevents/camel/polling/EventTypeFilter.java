package io.github.qlikevents.camel.polling;

import java.util.Arrays;
import java.util.List;

import io.github.qlikevents.camel.model.TypePattern;

/** The {@code eventTypes} option: which types to deliver; none given means every type. */
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

    public boolean accepts(String type) {
        if (patterns.isEmpty()) {
            return true;
        }
        for (String pattern : patterns) {
            if (type != null && TypePattern.matches(pattern, type)) {
                return true;
            }
        }
        return false;
    }

    /** The one concrete type to ask the server for, or null when the filter is anything else. */
    public String singleType() {
        return patterns.size() == 1 && !TypePattern.isWildcard(patterns.get(0)) ? patterns.get(0) : null;
    }

    /** The patterns, for Qlik's webhook registration; empty means every type. */
    public List<String> patterns() {
        return patterns;
    }

    @Override
    public String toString() {
        return patterns.isEmpty() ? "*" : String.join(",", patterns);
    }
}
