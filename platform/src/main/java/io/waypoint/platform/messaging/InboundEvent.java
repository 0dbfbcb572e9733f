package io.waypoint.platform.messaging;

import io.waypoint.events.common.Envelope;
import io.waypoint.platform.events.Cause;
import org.apache.avro.specific.SpecificRecord;

/** A decoded record as a binding receives it: the event, its envelope and the topic it came from. */
public record InboundEvent(SpecificRecord event, Envelope envelope, String topic) {

    /** What the events this record causes name as their cause. */
    public Cause cause() {
        return Cause.of(envelope);
    }
}
