package io.waypoint.schemas.tools;

import io.waypoint.schemas.tools.compat.CompatibilityChecker;
import io.waypoint.schemas.tools.compat.CompatibilityChecker.Kind;
import io.waypoint.schemas.tools.compat.CompatibilityChecker.Problem;
import io.waypoint.schemas.tools.compat.ContractForm;
import io.waypoint.schemas.tools.compat.PublishedSchema;
import io.waypoint.schemas.tools.compat.SchemaHistory;
import io.waypoint.schemas.tools.compat.SchemaSources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * Releases the schemas of the topic catalogue: every record whose current schema differs in its contract form
 * (wire form plus logical types, decimal precision and scale, defaults and aliases; see {@link ContractForm})
 * from its latest published version is written to the history as the next version, standalone, and the history
 * index is rewritten. Nothing is written when a current
 * schema breaks a compatibility rule against the history.
 *
 * <p>{@code ./mvnw -pl schemas-tools -am process-classes -Prelease-schemas}; arguments: the Avro source folder of
 * the schemas module, the history source folder and, optionally, the AsyncAPI document to regenerate (it
 * references the released versions). It releases the compiled catalogue on its classpath, and refuses when that
 * is not built from the Avro sources (see {@link SchemaSources}).
 */
public final class SchemaRelease {

    private static final Pattern JAVA_STRING_HINT = Pattern.compile(",\"avro\\.java\\.string\":\"[A-Za-z]+\"");

    private SchemaRelease() {
    }

    /** What a release did: the versions it published, or the problems that stopped it. */
    public record Release(List<PublishedSchema> published, List<Problem> problems) {
        public boolean succeeded() {
            return problems.isEmpty();
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            throw new IllegalArgumentException(
                    "Usage: SchemaRelease <avro source folder> <history folder> [<asyncapi.yaml>]");
        }
        Map<String, Schema> catalogue = CompatibilityChecker.catalogueSchemas();
        List<String> stale = SchemaSources.differences(catalogue, SchemaSources.read(Path.of(args[0])));
        if (!stale.isEmpty()) {
            throw new IllegalStateException("Nothing released: the compiled catalogue on the classpath is not built"
                    + " from " + args[0] + "; " + SchemaSources.REBUILD_HINT + ":\n" + String.join("\n", stale));
        }
        Path folder = Path.of(args[1]);
        Release release = release(catalogue, folder);
        if (!release.succeeded()) {
            throw new IllegalStateException("Nothing released; fix these first:\n" + release.problems().stream()
                    .map(Problem::toString).collect(Collectors.joining("\n")));
        }
        if (release.published().isEmpty()) {
            System.out.println("Every catalogue schema is already released; index rewritten.");
        }
        for (PublishedSchema version : release.published()) {
            System.out.println("Released " + version.label() + " -> " + version.resource());
        }
        if (args.length == 3) {
            Path document = Path.of(args[2]);
            Files.writeString(document, AsyncApiDocument.render(SchemaHistory.fromDirectory(folder)),
                    StandardCharsets.UTF_8);
            System.out.println("Regenerated " + document.getFileName());
        }
    }

    /**
     * The text of a released version: the schema with its nested named types inlined, pretty-printed, without
     * the Java code generation hint {@code avro.java.string} (a contract is language-neutral; the hint has no
     * effect on the wire, on the fingerprint or on the contract form).
     */
    public static String publishedForm(Schema schema) {
        String neutral = JAVA_STRING_HINT.matcher(schema.toString()).replaceAll("");
        Schema published = new Schema.Parser().parse(neutral);
        if (SchemaNormalization.parsingFingerprint64(published) != SchemaNormalization.parsingFingerprint64(schema)
                || !ContractForm.of(published).equals(ContractForm.of(schema))) {
            throw new IllegalStateException("Publishing changed the contract of " + schema.getFullName());
        }
        return published.toString(true) + "\n";
    }

    /**
     * Publishes the next version of every record of {@code current} whose contract form changed since its
     * latest published version in {@code folder}, then rewrites the index.
     */
    public static Release release(Map<String, Schema> current, Path folder) throws IOException {
        SchemaHistory history = SchemaHistory.fromDirectory(folder);
        List<Problem> problems = CompatibilityChecker.check(current, history).stream()
                .filter(problem -> problem.kind() != Kind.UNRELEASED && problem.kind() != Kind.UNRELEASED_CHANGE)
                .toList();
        if (!problems.isEmpty()) {
            return new Release(List.of(), problems);
        }
        Files.createDirectories(folder);
        List<PublishedSchema> published = new ArrayList<>();
        for (Map.Entry<String, Schema> record : current.entrySet()) {
            Schema schema = record.getValue();
            Optional<PublishedSchema> latest = history.latest(record.getKey());
            if (latest.isPresent() && latest.get().contractForm().equals(ContractForm.of(schema))) {
                continue;
            }
            int version = latest.map(PublishedSchema::version).orElse(0) + 1;
            Path file = folder.resolve(SchemaHistory.fileOf(record.getKey(), version));
            Files.createDirectories(file.getParent());
            Files.writeString(file, publishedForm(schema), StandardCharsets.UTF_8);
            published.add(new PublishedSchema(record.getKey(), version,
                    SchemaHistory.resourceOf(record.getKey(), version), schema));
        }
        Files.writeString(folder.resolve("index.txt"), SchemaHistory.fromDirectory(folder).index(),
                StandardCharsets.UTF_8);
        return new Release(published, List.of());
    }
}
