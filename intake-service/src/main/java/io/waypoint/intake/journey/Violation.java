package io.waypoint.intake.journey;

import java.util.Map;

/**
 * A command that intake refuses. {@link Kind#CONFLICT}: the command comes in the wrong order for the journey's
 * state; {@link Kind#RULE}: it breaks a protocol rule. The slug is stable and names the problem type.
 */
public record Violation(Kind kind, String slug, String title, String detail, Map<String, Object> params) {

    public enum Kind { CONFLICT, RULE }

    public Violation {
        params = Map.copyOf(params);
    }

    static Violation conflict(String slug, String detail) {
        return new Violation(Kind.CONFLICT, slug, "Conflict with the journey's state", detail, Map.of());
    }

    static Violation rule(String slug, String title, String detail, Map<String, Object> params) {
        return new Violation(Kind.RULE, slug, title, detail, params);
    }
}
