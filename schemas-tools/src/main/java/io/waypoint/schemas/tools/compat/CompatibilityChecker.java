package io.waypoint.schemas.tools.compat;

import io.waypoint.schemas.Topic;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Full-transitive compatibility of record schemas with their published history: a schema must read
 * records written with every published version of its record, and every published version must read
 * records written with it (Avro's reader/writer resolution, both directions). On top of Avro's rules,
 * Waypoint contracts forbid enums without a default symbol and removing a published enum symbol (Avro
 * accepts that when the enum has a default, but records carrying the symbol would silently read as the
 * default), a change of a field's logical type, decimal precision or scale (Avro resolves the bytes alike, but
 * readers would interpret them differently: an amount of scale 2 read with scale 3 is ten times smaller), and a
 * current schema that differs from its latest published version in its contract form (a change not released).
 */
public final class CompatibilityChecker {

    /** What publishes the current schemas as the next versions of the history. */
    public static final String RELEASE_COMMAND = "./mvnw -pl schemas-tools -am process-classes -Prelease-schemas";

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
        /** A current schema differs from its latest published version: the change is not released yet. */
        UNRELEASED_CHANGE,
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
     * compatibility with every published version, every current record released as it is now (its contract
     * form equal to that of its latest published version), no published record withdrawn, and the history's
     * own consistency.
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
                        "no published version: release it with `" + RELEASE_COMMAND + "` before anyone writes it"));
            } else {
                unreleasedChange(record.getKey(), record.getValue(), published.getLast())
                        .ifPresent(problems::add);
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

    /**
     * The change of a current schema since its latest published version, if any: anything its contract form
     * holds (wire form, logical types, decimal precision and scale, defaults, aliases), not documentation.
     */
    public static Optional<Problem> unreleasedChange(String record, Schema current, PublishedSchema latest) {
        if (ContractForm.of(current).equals(latest.contractForm())) {
            return Optional.empty();
        }
        String what = SchemaNormalization.parsingFingerprint64(current) == latest.fingerprint()
                ? "its logical types, defaults or aliases differ (same wire form)"
                : "its wire form differs";
        return Optional.of(new Problem(Kind.UNRELEASED_CHANGE, record, "the current schema differs from the latest"
                + " published version v" + latest.version() + " (" + what + "): release it as v"
                + (latest.version() + 1) + " with `" + RELEASE_COMMAND + "` and commit the new version with"
                + " the change"));
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
            problems.addAll(logicalTypeChanges(record, candidate, version));
        }
        return problems;
    }

    /**
     * Every field (or array item, map value, union branch) whose logical type, decimal precision or scale differs
     * from the published version. Fields are matched by name or alias, union branches as Avro resolves them.
     */
    static List<Problem> logicalTypeChanges(String record, Schema candidate, PublishedSchema version) {
        List<Problem> problems = new ArrayList<>();
        compareLogicalTypes(candidate, version.schema(), "", record, version, problems, new HashSet<>());
        return problems;
    }

    private static void compareLogicalTypes(Schema now, Schema before, String path, String record,
                                            PublishedSchema version, List<Problem> problems, Set<String> visited) {
        if (now.getType() == Schema.Type.UNION || before.getType() == Schema.Type.UNION) {
            List<Schema> nowBranches = branches(now);
            for (Schema beforeBranch : branches(before)) {
                resolvedBranch(beforeBranch, nowBranches).ifPresent(nowBranch ->
                        compareLogicalTypes(nowBranch, beforeBranch, path, record, version, problems, visited));
            }
            return;
        }
        String nowLogical = ContractForm.logicalTypeOf(now);
        String beforeLogical = ContractForm.logicalTypeOf(before);
        if (!Objects.equals(nowLogical, beforeLogical)) {
            problems.add(new Problem(Kind.INCOMPATIBLE, record, (path.isEmpty() ? "the record" : "field '" + path
                    + "'") + " is " + describe(now, nowLogical) + " but v" + version.version() + " published it as "
                    + describe(before, beforeLogical) + ": Avro resolves the bytes alike, but readers would"
                    + " interpret the values differently. Keep the logical type, precision and scale of a"
                    + " published field (add a new field instead)"));
        }
        if (now.getType() != before.getType()) {
            return;
        }
        switch (now.getType()) {
            case RECORD -> {
                if (!visited.add(now.getFullName() + "<-" + before.getFullName())) {
                    return;
                }
                for (Schema.Field field : now.getFields()) {
                    Schema.Field published = publishedField(field, before);
                    if (published != null) {
                        compareLogicalTypes(field.schema(), published.schema(),
                                path.isEmpty() ? field.name() : path + "." + field.name(), record, version, problems,
                                visited);
                    }
                }
            }
            case ARRAY -> compareLogicalTypes(now.getElementType(), before.getElementType(), path + "[]", record,
                    version, problems, visited);
            case MAP -> compareLogicalTypes(now.getValueType(), before.getValueType(), path + "{}", record,
                    version, problems, visited);
            default -> {
            }
        }
    }

    private static String describe(Schema schema, String logicalType) {
        return logicalType == null ? "a plain " + schema.getType().getName() : logicalType + " ("
                + schema.getType().getName() + ")";
    }

    private static List<Schema> branches(Schema schema) {
        return schema.getType() == Schema.Type.UNION ? schema.getTypes() : List.of(schema);
    }

    /** The current branch that a value of a published branch resolves to: same type and name, else a promotion. */
    private static Optional<Schema> resolvedBranch(Schema published, List<Schema> current) {
        for (Schema branch : current) {
            if (branch.getType() == published.getType() && (!isNamed(branch)
                    || branch.getFullName().equals(published.getFullName())
                    || branch.getAliases().contains(published.getFullName()))) {
                return Optional.of(branch);
            }
        }
        for (Schema branch : current) {
            if (promotable(published.getType(), branch.getType()) || promotable(branch.getType(), published.getType())) {
                return Optional.of(branch);
            }
        }
        return Optional.empty();
    }

    private static boolean isNamed(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> true;
            default -> false;
        };
    }

    /** Avro's promotions of a writer's type to a reader's. */
    private static boolean promotable(Schema.Type writer, Schema.Type reader) {
        return switch (writer) {
            case INT -> reader == Schema.Type.LONG || reader == Schema.Type.FLOAT || reader == Schema.Type.DOUBLE;
            case LONG -> reader == Schema.Type.FLOAT || reader == Schema.Type.DOUBLE;
            case FLOAT -> reader == Schema.Type.DOUBLE;
            case STRING -> reader == Schema.Type.BYTES;
            case BYTES -> reader == Schema.Type.STRING;
            default -> false;
        };
    }

    private static Schema.Field publishedField(Schema.Field field, Schema published) {
        Schema.Field byName = published.getField(field.name());
        if (byName != null) {
            return byName;
        }
        for (String alias : field.aliases()) {
            Schema.Field byAlias = published.getField(alias);
            if (byAlias != null) {
                return byAlias;
            }
        }
        return null;
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
