package io.github.qlikevents.camel.model;

/** Matching of event type names against the patterns of the {@code eventTypes} option. */
public final class TypePattern {

    private TypePattern() {
    }

    /** True when {@code typeName} equals {@code pattern}, or starts with it when the pattern ends in {@code *}. */
    public static boolean matches(String pattern, String typeName) {
        if (isWildcard(pattern)) {
            return typeName.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(typeName);
    }

    /** True for a prefix pattern such as {@code com.qlik.v1.license.lease.*}. */
    public static boolean isWildcard(String pattern) {
        return pattern.endsWith("*");
    }
}
