package io.waypoint.followup.app;

import io.waypoint.followup.journey.TimelineEntry;
import io.waypoint.followup.store.TimelineStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The ops timeline: every consumed event, this service's own included, lands on its journey's timeline once. */
@Service
public class Timeline {

    private final TimelineStore timeline;

    Timeline(TimelineStore timeline) {
        this.timeline = timeline;
    }

    /** Records the entry; false when the timeline already has this event. */
    @Transactional
    public boolean record(TimelineEntry entry) {
        return timeline.add(entry);
    }
}
