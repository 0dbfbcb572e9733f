package io.waypoint.schemas.tools.compat;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * One released version of a record's schema as published in the schema history.
 *
 * @param fullName the record's full Avro name
 * @param version   1-based release number
 * @param resource  classpath resource of the published {@code .avsc}, e.g.
 *                  {@code waypoint/schema-history/io.waypoint.events.intake.PatientEnrolled/v1.avsc}
 * @param schema    the published schema, standalone (nested named types inlined)
 */
public record PublishedSchema(String fullName, int version, String resource, Schema schema) {

    /** Avro CRC-64 fingerprint of the schema's parsing canonical form: what single-object encoding carries. */
    public long fingerprint() {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    /**
     * The schema's contract form: the wire form plus logical types, decimal precision and scale, defaults and
     * aliases. Two versions of a record differ in it, or they are the same version.
     */
    public String contractForm() {
        return ContractForm.of(schema);
    }

    /** e.g. {@code io.waypoint.events.intake.PatientEnrolled v1}. */
    public String label() {
        return fullName + " v" + version;
    }
}
