package io.waypoint.followup.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.waypoint.followup.obligation.ObligationStatus;
import io.waypoint.followup.store.JourneyStore;
import io.waypoint.followup.store.ObligationStore;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Gauges for ops: open and overdue obligations, journeys per stage. */
@Component
class FollowupMetrics {

    private final JourneyStore journeys;
    private final MultiGauge journeysPerStage;

    FollowupMetrics(MeterRegistry meters, ObligationStore obligations, JourneyStore journeys) {
        this.journeys = journeys;
        for (ObligationStatus status : new ObligationStatus[] {ObligationStatus.OPEN, ObligationStatus.OVERDUE}) {
            Gauge.builder("waypoint.obligations", obligations, store -> store.count(status))
                    .description("Obligations by status").tag("status", status.name()).register(meters);
        }
        this.journeysPerStage = MultiGauge.builder("waypoint.journeys").description("Journeys per stage")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${waypoint.followup.metrics-refresh:PT30S}")
    void refreshJourneysPerStage() {
        journeysPerStage.register(journeys.countByStage().stream()
                .map(c -> MultiGauge.Row.of(Tags.of("stage", c.stage()), c.journeys())).toList(), true);
    }
}
