package io.github.qlikevents.camel.sandbox;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A webhook's {@code filter} as Qlik reads it: SCIM-style comparisons {@code attribute op "value"} with {@code eq} or
 * {@code ne}, joined by {@code and} / {@code or} ({@code and} binding tighter); attributes {@code id},
 * {@code spaceId}, {@code topLevelResourceId}, and {@code data.status} for {@code com.qlik.v1.app.reload.finished}
 * alone. {@link #parse} refuses anything else with the reason Qlik would give in its 400.
 */
final class WebhookFilter implements Predicate<SandboxEvent> {

    private static final String RELOAD_FINISHED = "com.qlik.v1.app.reload.finished";
    private static final Pattern COMPARISON = Pattern.compile(
            "\\s*([A-Za-z.]+)\\s+(eq|ne)\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*(?:(and|or)\\b|$)");
    /** Where each attribute is found in an event's data. */
    private static final Map<String, List<String>> ATTRIBUTES = Map.of("id", List.of("id"), "spaceId",
            List.of("spaceId"), "topLevelResourceId", List.of("topLevelResourceId", "id"), "data.status",
            List.of("status"));

    private final Predicate<SandboxEvent> test;

    private WebhookFilter(Predicate<SandboxEvent> test) {
        this.test = test;
    }

    /**
     * The filter of {@code expression} for a webhook of {@code eventTypes}.
     *
     * @throws IllegalArgumentException with Qlik's reason when the expression is not one Qlik accepts
     */
    static WebhookFilter parse(String expression, List<String> eventTypes) {
        Predicate<SandboxEvent> any = null;
        Predicate<SandboxEvent> all = null;
        Matcher matcher = COMPARISON.matcher(expression);
        int at = 0;
        while (at < expression.length()) {
            if (!matcher.find(at) || matcher.start() != at) {
                throw new IllegalArgumentException("invalid filter at position " + at + ": expected attribute eq|ne"
                                                   + " \"value\", joined by and/or");
            }
            Predicate<SandboxEvent> comparison = comparison(matcher.group(1), "eq".equals(matcher.group(2)),
                    matcher.group(3), eventTypes);
            all = all == null ? comparison : all.and(comparison);
            if (!"and".equals(matcher.group(4))) {
                any = any == null ? all : any.or(all);
                all = null;
            }
            at = matcher.end();
            if (matcher.group(4) != null && at >= expression.length()) {
                throw new IllegalArgumentException("invalid filter: it ends with " + matcher.group(4));
            }
        }
        if (any == null) {
            throw new IllegalArgumentException("invalid filter: it is empty");
        }
        return new WebhookFilter(any);
    }

    @Override
    public boolean test(SandboxEvent event) {
        return test.test(event);
    }

    private static Predicate<SandboxEvent> comparison(String attribute, boolean equal, String value,
                                                      List<String> eventTypes) {
        List<String> fields = ATTRIBUTES.get(attribute);
        if (fields == null) {
            throw new IllegalArgumentException("invalid filter: unknown attribute '" + attribute + "' (allowed: id,"
                                               + " spaceId, topLevelResourceId; data.status for " + RELOAD_FINISHED
                                               + ")");
        }
        if (attribute.equals("data.status") && !eventTypes.equals(List.of(RELOAD_FINISHED))) {
            throw new IllegalArgumentException("invalid filter: data.status is only allowed on a webhook of "
                                               + RELOAD_FINISHED + " alone");
        }
        String unescaped = value.replaceAll("\\\\(.)", "$1");
        return event -> equal == fields.stream().map(field -> event.data().path(field))
                .filter(JsonNode::isValueNode).findFirst().map(JsonNode::asText).orElse("").equals(unescaped);
    }
}
