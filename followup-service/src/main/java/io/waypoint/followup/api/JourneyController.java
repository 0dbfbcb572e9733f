package io.waypoint.followup.api;

import io.waypoint.followup.api.Views.JourneyInStage;
import io.waypoint.followup.api.Views.JourneyView;
import io.waypoint.followup.api.Views.ObligationView;
import io.waypoint.followup.api.Views.TimelineItem;
import io.waypoint.followup.app.JourneyQueries;
import io.waypoint.followup.journey.JourneyStage;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Journeys for ops: state, stage ages, stuck journeys, timeline, obligations. */
@RestController
@RequestMapping("/api/v1/journeys")
class JourneyController {

    static final String STAGE = "^(REFERRED|SCREENING|ELIGIBLE|INELIGIBLE|CONSENTED|ENROLLED|PREPARATION"
            + "|DOSING_[1-9][0-9]{0,3}|INTEGRATION_[1-9][0-9]{0,3}|OUTCOME|LONG_TERM_FOLLOWUP|COMPLETED|ON_HOLD"
            + "|WITHDRAWN)$";

    private final JourneyQueries journeys;
    private final Clock clock;

    JourneyController(JourneyQueries journeys, Clock clock) {
        this.journeys = journeys;
        this.clock = clock;
    }

    @GetMapping("/{journeyId}")
    public JourneyView journey(@PathVariable String journeyId) {
        return JourneyView.of(journeys.journey(journeyId));
    }

    /** Journeys in a stage (all stages when none is given), longest in their stage first. */
    @GetMapping
    public List<JourneyInStage> byStage(@RequestParam(required = false)
                                        @Pattern(regexp = STAGE, message = "must be a journey stage") String stage) {
        Instant now = clock.instant();
        return journeys.inStage(stage == null ? null : JourneyStage.parse(stage)).stream()
                .map(journey -> JourneyInStage.of(journey, now)).toList();
    }

    /** Journeys with an overdue obligation. */
    @GetMapping("/stuck")
    public List<JourneyInStage> stuck() {
        Instant now = clock.instant();
        return journeys.stuck().stream().map(journey -> JourneyInStage.of(journey, now)).toList();
    }

    @GetMapping("/{journeyId}/timeline")
    public List<TimelineItem> timeline(@PathVariable String journeyId) {
        return journeys.timeline(journeyId).stream().map(TimelineItem::of).toList();
    }

    @GetMapping("/{journeyId}/obligations")
    public List<ObligationView> obligations(@PathVariable String journeyId) {
        return journeys.obligations(journeyId).stream().map(ObligationView::of).toList();
    }
}
