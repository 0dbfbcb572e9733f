package io.waypoint.scheduling.api;

import io.waypoint.scheduling.app.Journeys;
import io.waypoint.scheduling.plan.JourneyPlan;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A journey's care team and appointments. */
@RestController
@RequestMapping("/api/v1/journeys/{journeyId}")
class JourneyController {

    private final Journeys journeys;

    JourneyController(Journeys journeys) {
        this.journeys = journeys;
    }

    @GetMapping("/care-team")
    public Responses.CareTeamView careTeam(@PathVariable String journeyId) {
        JourneyPlan plan = journeys.plan(journeyId);
        return new Responses.CareTeamView(plan.journeyId(), plan.careTeam().leadTherapistId(),
                plan.careTeam().coTherapistId());
    }

    /** Every appointment of the journey, by start time. */
    @GetMapping("/appointments")
    public List<AppointmentView> appointments(@PathVariable String journeyId) {
        return journeys.appointments(journeyId).stream().map(AppointmentView::of).toList();
    }
}
