package io.waypoint.scheduling.dosing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A protocol rule a request would break: a stable slug per rule, a human title and detail, and the rule's
 * parameters (limits and the offending values).
 */
public record Violation(String slug, String title, String detail, Map<String, Object> params) {

    public Violation {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Builds a violation from alternating parameter names and values, keeping their order. */
    public static Violation of(String slug, String title, String detail, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Parameters come as name/value pairs");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Violation(slug, title, detail, params);
    }
}
