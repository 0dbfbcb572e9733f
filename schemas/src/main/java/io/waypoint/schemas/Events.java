package io.waypoint.schemas;

import io.waypoint.events.common.Envelope;
import org.apache.avro.specific.SpecificRecord;

/** Reads what every Waypoint record shares. */
public final class Events {

    private Events() {
    }

    /** The envelope every Waypoint record carries as its field {@code envelope}. */
    public static Envelope envelopeOf(SpecificRecord record) {
        Object envelope = record.get(record.getSchema().getField("envelope").pos());
        if (envelope instanceof Envelope e) {
            return e;
        }
        throw new IllegalArgumentException(record.getSchema().getFullName() + " carries no envelope");
    }

    /** The record's simple type name, e.g. {@code PatientEnrolled} (the CloudEvents type is the full name). */
    public static String type(SpecificRecord record) {
        return record.getSchema().getName();
    }
}
