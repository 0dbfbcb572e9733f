package io.waypoint.e2e;

import io.waypoint.localstack.demo.DemoPlan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What followup-service publishes on waypoint.followup.v1 for the demo's course, in order. The demo waits for
 * followup-service to have seen a dosing session's completion before it records the check-ins and the adverse
 * event, and for the end of the sessions before it records assessments, so the order is fixed.
 */
final class FollowupExpectations {

    private FollowupExpectations() {
    }

    static List<String> types(DemoPlan plan) {
        List<String> types = new ArrayList<>();
        types.add("ObligationOpened");                                   // primary outcome, from enrollment
        for (int n = 1; n <= plan.dosingSessions(); n++) {
            types.add("ObligationOpened");                               // integration 1 within 24 h of the dose
            if (n == plan.dosingSessions()) {
                // long-term follow-up assessments, anchored at the last dose
                types.addAll(Collections.nCopies(plan.outcomes().longTerm().size(), "ObligationOpened"));
            }
            if (n == 1) {
                types.addAll(Collections.nCopies(plan.followUp().checkInDays().size(), "CheckInRecorded"));
                types.add("AdverseEventReported");
            }
            types.add("ObligationMet");                                  // integration 1 held in time
        }
        types.addAll(List.of("OutcomeAssessmentRecorded", "ObligationMet"));   // primary endpoint
        for (int i = 0; i < plan.outcomes().longTerm().size(); i++) {
            types.addAll(List.of("OutcomeAssessmentRecorded", "ObligationMet"));
        }
        types.add("JourneyCompleted");
        return types;
    }
}
