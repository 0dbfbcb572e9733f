package io.waypoint.scheduling.api;

import io.waypoint.platform.problem.NotFoundException;
import io.waypoint.scheduling.plan.JourneyPlan;
import io.waypoint.scheduling.store.AppointmentStore;
import io.waypoint.scheduling.store.JourneyStore;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A journey's care team and appointments. */
@RestController
@RequestMapping("/api/v1/journeys/{journeyId}")
public class JourneyController {

    private final JourneyStore journeys;
    private final AppointmentStore appointments;

    public JourneyController(JourneyStore journeys, AppointmentStore appointments) {
        this.journeys = journeys;
        this.appointments = appointments;
    }

    @GetMapping("/care-team")
    public Responses.CareTeamView careTeam(@PathVariable String journeyId) {
        JourneyPlan plan = plan(journeyId);
        return new Responses.CareTeamView(plan.journeyId(), plan.careTeam().leadTherapistId(),
                plan.careTeam().coTherapistId());
    }

    /** Every appointment of the journey, by start time. */
    @GetMapping("/appointments")
    public List<AppointmentView> appointments(@PathVariable String journeyId) {
        plan(journeyId);
        return appointments.byJourney(journeyId).stream().map(AppointmentView::of).toList();
    }

    private JourneyPlan plan(String journeyId) {
        return journeys.find(journeyId).orElseThrow(() -> new NotFoundException("journey", journeyId));
    }
}
