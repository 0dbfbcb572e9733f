package io.waypoint.scheduling.service;

import io.waypoint.platform.problem.RuleViolationException;
import io.waypoint.scheduling.dosing.Violation;
import java.util.Optional;

/** Turns a broken protocol rule into the 422 problem the platform reports. */
final class Violations {

    private Violations() {
    }

    static void enforce(Optional<Violation> violation) {
        violation.ifPresent(v -> {
            throw reject(v);
        });
    }

    static RuleViolationException reject(Violation v) {
        return new RuleViolationException(v.slug(), v.title(), v.detail(), v.params());
    }
}
