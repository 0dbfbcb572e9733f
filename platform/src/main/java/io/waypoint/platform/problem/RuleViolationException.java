package io.waypoint.platform.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/** A request that is well-formed but breaks a protocol rule: 422 with a stable problem type per rule. */
public class RuleViolationException extends RuntimeException {

    private final String slug;
    private final String title;
    private final Map<String, Object> params;

    public RuleViolationException(String slug, String title, String detail, Map<String, Object> params) {
        super(detail);
        this.slug = slug;
        this.title = title;
        this.params = new LinkedHashMap<>(params);
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> params() {
        return params;
    }
}
