package io.waypoint.schemas.compat;

import io.waypoint.schemas.Topic;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Full-transitive compatibility of record schemas with their published history: a schema must read
 * records written with every published version of its record, and every published version must read
 * records written with it (Avro's reader/writer resolution, both directions). On top of Avro's rules,
 * Waypoint contracts forbid enums without a default symbol and removing a published enum symbol (Avro
 * accepts that when the enum has a default, but records carrying the symbol would silently read as the
 * default).
 */
public final class CompatibilityChecker {

    private CompatibilityChecker() {
    }

    /** What kind of rule a schema breaks. */
    public enum Kind {
        /** Avro cannot resolve the schema against a published version in one of the two directions. */
        INCOMPATIBLE,
        /** A published enum symbol is gone. */
        ENUM_SYMBOL_REMOVED,
        /** An enum has no default symbol, so adding a symbol later would break old readers. */
        ENUM_WITHOUT_DEFAULT,
        /** A catalogue record has no published version. */
        UNRELEASED,
        /** A published record left the catalogue: readers could no longer decode its records. */
        WITHDRAWN,
        /** The published history itself is inconsistent. */
        HISTORY
    }

    /** One broken rule, with a message that says which record, which version and why. */
    public record Problem(Kind kind, String record, String message) {
        @Override
        public String toString() {
            return kind + " " + record + ": " + message;
        }
    }

    /** The current schema of every record in the topic catalogue, by full name. */
    public static Map<String, Schema> catalogueSchemas() {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        for (Topic topic : Topic.values()) {
            for (Class<? extends SpecificRecord> type : topic.valueTypes()) {
                Schema schema = SpecificData.get().getSchema(type);
                schemas.put(schema.getFullName(), schema);
            }
        }
        return schemas;
    }

    /**
     * Checks every current schema against the published history: enum defaults, full-transitive
     * compatibility with every published version, every current record released, no published record
     * withdrawn, and the history's own consistency.
     */
    public static List<Problem> check(Map<String, Schema> current, SchemaHistory history) {
        List<Problem> problems = new ArrayList<>();
        for (String problem : history.problems()) {
            problems.add(new Problem(Kind.HISTORY, "schema history", problem));
        }
        for (Map.Entry<String, Schema> record : current.entrySet()) {
            problems.addAll(enumsWithoutDefault(record.getValue()));
            List<PublishedSchema> published = history.versions(record.getKey());
            if (published.isEmpty()) {
                problems.add(new Problem(Kind.UNRELEASED, record.getKey(),
                        "no published version: release it with SchemaRelease before anyone writes it"));
            }
            problems.addAll(checkAgainst(record.getValue(), published));
        }
        for (String name : history.recordNames()) {
            if (!current.containsKey(name)) {
                problems.add(new Problem(Kind.WITHDRAWN, name, "published (latest v"
                        + history.latest(name).orElseThrow().version()
                        + ") but no longer in the catalogue: its records could no longer be decoded"));
            }
        }
        return problems;
    }

    /** Checks a schema against each published version, in both directions. */
    public static List<Problem> checkAgainst(Schema candidate, List<PublishedSchema> published) {
        List<Problem> problems = new ArrayList<>();
        String record = candidate.getFullName();
        for (PublishedSchema version : published) {
            String v = "v" + version.version();
            describe(problems, record, "the current schema cannot read records written with " + v
                            + " (reader=current, writer=" + v + ")",
                    SchemaCompatibility.checkReaderWriterCompatibility(candidate, version.schema()));
            describe(problems, record, "readers still on " + v + " cannot read records written with the current"
                            + " schema (reader=" + v + ", writer=current)",
                    SchemaCompatibility.checkReaderWriterCompatibility(version.schema(), candidate));
            problems.addAll(removedEnumSymbols(record, candidate, version));
        }
        return problems;
    }

    /** Every enum reachable from the schema must name a default symbol. */
    public static List<Problem> enumsWithoutDefault(Schema schema) {
        List<Problem> problems = new ArrayList<>();
        for (Schema type : namedTypes(schema).values()) {
            if (type.getType() == Schema.Type.ENUM && type.getEnumDefault() == null) {
                problems.add(new Problem(Kind.ENUM_WITHOUT_DEFAULT, schema.getFullName(),
                        "enum " + type.getFullName() + " has no default symbol; add one (e.g. UNKNOWN) so that"
                                + " adding a symbol later does not break readers"));
            }
        }
        return problems;
    }

    private static void describe(List<Problem> problems, String record, String direction,
                                 SchemaPairCompatibility result) {
        for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
            problems.add(new Problem(Kind.INCOMPATIBLE, record,
                    direction + ": " + explain(incompatibility) + " at " + incompatibility.getLocation()));
        }
    }

    private static String explain(Incompatibility incompatibility) {
        String detail = incompatibility.getMessage();
        return switch (incompatibility.getType()) {
            case READER_FIELD_MISSING_DEFAULT_VALUE -> "field '" + detail + "' is missing from the writer and"
                    + " has no default value in the reader";
            case MISSING_ENUM_SYMBOLS -> "writer enum symbols " + detail + " are unknown to the reader, whose enum"
                    + " has no default";
            case TYPE_MISMATCH -> "type changed (" + detail + ")";
            case NAME_MISMATCH -> "named type renamed (" + detail + ")";
            case MISSING_UNION_BRANCH -> "union branch missing (" + detail + ")";
            case FIXED_SIZE_MISMATCH -> "fixed size changed (" + detail + ")";
        };
    }

    private static List<Problem> removedEnumSymbols(String record, Schema candidate, PublishedSchema version) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Schema> now = namedTypes(candidate);
        for (Schema before : namedTypes(version.schema()).values()) {
            Schema after = now.get(before.getFullName());
            if (before.getType() != Schema.Type.ENUM || after == null || after.getType() != Schema.Type.ENUM) {
                continue;
            }
            Set<String> removed = new LinkedHashSet<>(before.getEnumSymbols());
            removed.removeAll(after.getEnumSymbols());
            if (!removed.isEmpty()) {
                problems.add(new Problem(Kind.ENUM_SYMBOL_REMOVED, record, "enum " + before.getFullName()
                        + " drops symbol(s) " + removed + " published in v" + version.version() + "; "
                        + (after.getEnumDefault() == null ? "records carrying them could not be read"
                                : "records carrying them would silently read as " + after.getEnumDefault())
                        + ". Keep published symbols (deprecate them in the doc instead)"));
            }
        }
        return problems;
    }

    /** Every named type (record, enum, fixed) reachable from a schema, by full name. */
    static Map<String, Schema> namedTypes(Schema schema) {
        Map<String, Schema> named = new LinkedHashMap<>();
        collect(schema, named, new HashSet<>());
        return named;
    }

    private static void collect(Schema schema, Map<String, Schema> named, Set<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (seen.add(schema.getFullName())) {
                    named.put(schema.getFullName(), schema);
                    schema.getFields().forEach(field -> collect(field.schema(), named, seen));
                }
            }
            case ENUM, FIXED -> named.putIfAbsent(schema.getFullName(), schema);
            case ARRAY -> collect(schema.getElementType(), named, seen);
            case MAP -> collect(schema.getValueType(), named, seen);
            case UNION -> schema.getTypes().forEach(branch -> collect(branch, named, seen));
            default -> {
            }
        }
    }
}
