package io.github.qlikevents.camel.polling;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.qlikevents.camel.http.QlikApiClient;
import io.github.qlikevents.camel.http.QlikApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks at a poller's first start the names the user set against what the tenant's Audits API lists, so that a typo
 * fails the start instead of polling for ever and delivering nothing. A {@code source} the tenant does not list
 * ({@code /api/v1/audits/sources}) with a near one it does is taken for a typo: the start fails naming the nearest.
 * Event types named in {@code eventTypes} are types of the channel already (checked when the endpoint is made); one
 * the tenant does not list ({@code /types}) gets a WARN: it may have seen no such event yet. When a list cannot be
 * read (403, an outage) a WARN says so and the poller starts. Nothing is asked when the user named nothing.
 */
final class AuditVocabulary {

    private static final Logger LOG = LoggerFactory.getLogger(AuditVocabulary.class);
    /** Edits that still make a name a typo of another. */
    private static final int TYPO_DISTANCE = 2;

    private AuditVocabulary() {
    }

    /**
     * @param  api                      the tenant's API
     * @param  source                   the source option as set by the user, or null
     * @param  namedTypes               the event types the eventTypes option names (not its wildcards)
     * @throws IllegalArgumentException when the source looks like a typo of one the tenant lists
     */
    static void check(QlikApiClient api, String source, Set<String> namedTypes) {
        if (source != null && !source.isBlank()) {
            check(api, "source", "/api/v1/audits/sources", Set.of(source), true);
        }
        if (!namedTypes.isEmpty()) {
            check(api, "eventTypes", "/api/v1/audits/types", namedTypes, false);
        }
    }

    private static void check(QlikApiClient api, String option, String path, Set<String> names, boolean typos) {
        Set<String> listed;
        try {
            listed = list(api, path);
        } catch (QlikApiException e) {
            LOG.warn("Could not check option {}: {}; polling for {} as given", option, e.getMessage(), names);
            return;
        }
        for (String name : names) {
            if (listed.contains(name)) {
                continue;
            }
            List<String> nearest = nearest(name, listed);
            if (typos && !nearest.isEmpty()) {
                throw new IllegalArgumentException("Option " + option + " names '" + name + "', which the Audits API"
                                                   + " of tenant " + api.tenant().host() + " does not list (GET "
                                                   + path + "); did you mean " + String.join(" or ", nearest) + "?");
            }
            LOG.warn("The Audits API of tenant {} lists no {} '{}' yet (GET {}): polling for it as given", api.tenant()
                    .host(), option, name, path);
        }
    }

    private static Set<String> list(QlikApiClient api, String path) {
        Set<String> names = new LinkedHashSet<>();
        api.json(api.send("GET", api.tenant().resolve(path), null), "GET " + path).path("data")
                .forEach(name -> names.add(name.asText()));
        return names;
    }

    /** The listed names within a typo of {@code name}, nearest first (at most three). */
    static List<String> nearest(String name, Collection<String> listed) {
        return listed.stream().filter(other -> distance(name, other) <= TYPO_DISTANCE)
                .sorted(Comparator.comparingInt(other -> distance(name, other))).limit(3).toList();
    }

    /** Levenshtein distance, ignoring case. */
    private static int distance(String a, String b) {
        String x = a.toLowerCase();
        String y = b.toLowerCase();
        int[] previous = new int[y.length() + 1];
        int[] current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length()];
    }
}
