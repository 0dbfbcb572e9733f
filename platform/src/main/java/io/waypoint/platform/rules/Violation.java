package io.waypoint.platform.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A command that Waypoint refuses, as every {@code *Rules} class returns it: a stable slug that names the problem
 * type, a human title and detail, and the rule's parameters (its limits and the values that broke them), in order.
 * {@link Kind#RULE}: the command breaks a protocol rule (HTTP 422); {@link Kind#CONFLICT}: it comes in the wrong order
 * for the current state (HTTP 409). Plain Java: domain packages return it, the platform turns it into problem+json
 * over HTTP and into a non-retryable failure on Kafka, each in one place.
 */
public record Violation(Kind kind, String slug, String title, String detail, Map<String, Object> params) {

    public enum Kind { RULE, CONFLICT }

    public Violation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A broken protocol rule, its parameters as alternating names and values, kept in their order. */
    public static Violation rule(String slug, String title, String detail, Object... namesAndValues) {
        return new Violation(Kind.RULE, slug, title, detail, pairs(namesAndValues));
    }

    /** A broken protocol rule with its parameters in a map (kept in the map's order). */
    public static Violation rule(String slug, String title, String detail, Map<String, ?> params) {
        return new Violation(Kind.RULE, slug, title, detail, new LinkedHashMap<>(params));
    }

    /** A command in the wrong order for the current state. */
    public static Violation conflict(String slug, String detail) {
        return new Violation(Kind.CONFLICT, slug, "Conflict with the current state", detail, Map.of());
    }

    /** The exception that carries this violation out of the application layer. */
    public RuleViolationException reject() {
        return new RuleViolationException(this);
    }

    /** Throws the violation, if there is one. */
    public static void enforce(Optional<Violation> violation) {
        if (violation.isPresent()) {
            throw violation.get().reject();
        }
    }

    private static Map<String, Object> pairs(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Parameters come as name/value pairs");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return params;
    }
}
