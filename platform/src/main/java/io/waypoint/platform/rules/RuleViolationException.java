package io.waypoint.platform.rules;

/**
 * A refused command on its way out: thrown by the application layer with the {@link Violation} a rule returned,
 * turned into problem+json by the platform's problem handler and into a dead letter by its event consumers.
 */
public class RuleViolationException extends RuntimeException {

    private final transient Violation violation;

    public RuleViolationException(Violation violation) {
        super(violation.detail());
        this.violation = violation;
    }

    public Violation violation() {
        return violation;
    }

    public String slug() {
        return violation.slug();
    }
}
