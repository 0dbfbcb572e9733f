package io.waypoint.followup.obligation;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * An assessment the protocol requires by a deadline: due {@code after} plus {@code window} from its anchor
 * (calendar arithmetic in UTC, so "6 months" is six calendar months), met when {@code instrument} is recorded at
 * {@code timepoint}.
 */
public record AssessmentObligation(String kind, Anchor anchor, Period after, Period window, String instrument,
                                   String timepoint) {

    /** What the deadline counts from, and so when the obligation opens. */
    public enum Anchor {
        /** the baseline assessment; opened on enrollment */
        BASELINE,
        /** the last dose of the course; opened when the last dosing session is completed */
        LAST_DOSE
    }

    public AssessmentObligation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(timepoint, "timepoint");
    }

    public Instant dueAt(Instant anchorAt) {
        return anchorAt.atZone(ZoneOffset.UTC).plus(after).plus(window).toInstant();
    }

    public boolean metBy(String instrument, String timepoint) {
        return this.instrument.equals(instrument) && this.timepoint.equals(timepoint);
    }
}
