package io.waypoint.scheduling.dosing;

import java.time.Instant;
import java.util.List;

/**
 * What a dosing session has recorded so far, with its times: the order of later records is checked against it.
 *
 * @param checkedInAt    the check-in; null when unknown
 * @param preDoseCheckAt the latest pre-dose check; null when none
 * @param doses          the doses given, in the order recorded
 */
public record SessionTimeline(Instant checkedInAt, Instant preDoseCheckAt, List<Dose> doses) {

    public SessionTimeline {
        doses = doses == null ? List.of() : List.copyOf(doses);
    }
}
