package io.waypoint.schemas.tools.compat;

import io.waypoint.schemas.WaypointSchemaStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/**
 * The released versions of every record schema. Each version is a standalone {@code .avsc} at
 * {@code <root>/<record full name>/v<N>.avsc}; an index resource lists them, one classpath resource a line,
 * so a jar can be read without listing directories.
 */
public final class SchemaHistory {

    /** Classpath folder of the published history, as the schemas jar ships it. */
    public static final String ROOT = WaypointSchemaStore.HISTORY_ROOT;

    /** Classpath resource listing every published version, the one {@link WaypointSchemaStore} loads. */
    public static final String INDEX = WaypointSchemaStore.HISTORY_INDEX;

    private static final Pattern ENTRY = Pattern.compile("(?:.*/)?([^/]+)/v([1-9][0-9]*)\\.avsc");
    private static final Comparator<PublishedSchema> BY_VERSION = Comparator.comparingInt(PublishedSchema::version);

    private final Map<String, List<PublishedSchema>> byRecord;
    private final List<String> strays;

    private SchemaHistory(List<PublishedSchema> versions, List<String> strays) {
        Map<String, List<PublishedSchema>> grouped = new TreeMap<>();
        for (PublishedSchema version : versions) {
            grouped.computeIfAbsent(version.fullName(), name -> new ArrayList<>()).add(version);
        }
        grouped.replaceAll((name, list) -> list.stream().sorted(BY_VERSION).toList());
        this.byRecord = Collections.unmodifiableMap(grouped);
        this.strays = List.copyOf(strays);
    }

    public static SchemaHistory empty() {
        return new SchemaHistory(List.of(), List.of());
    }

    /** A history of the given versions. */
    public static SchemaHistory of(Collection<PublishedSchema> versions) {
        return new SchemaHistory(List.copyOf(versions), List.of());
    }

    /** The history the schemas jar ships, listed by {@value #INDEX}; empty when none is on the classpath. */
    public static SchemaHistory fromClasspath() {
        return fromClasspath(INDEX);
    }

    /** The published versions listed by an index resource (lines starting with {@code #} are comments). */
    public static SchemaHistory fromClasspath(String indexResource) {
        List<PublishedSchema> versions = new ArrayList<>();
        WaypointSchemaStore.publishedSources(indexResource)
                .forEach((resource, text) -> versions.add(published(resource, text)));
        return new SchemaHistory(versions, List.of());
    }

    /**
     * The history kept in a source folder (the folder that becomes {@value #ROOT} on the classpath).
     * A missing folder is an empty history.
     */
    public static SchemaHistory fromDirectory(Path root) {
        if (!Files.isDirectory(root)) {
            return empty();
        }
        List<PublishedSchema> versions = new ArrayList<>();
        List<String> strays = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Path relative = root.relativize(file);
                String resource = ROOT + "/" + relative.toString().replace('\\', '/');
                if (relative.getNameCount() == 1) {
                    continue;
                }
                if (relative.getNameCount() != 2 || !ENTRY.matcher(resource).matches()) {
                    strays.add(resource);
                    continue;
                }
                versions.add(published(resource, Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SchemaHistory(versions, strays);
    }

    private static PublishedSchema published(String resource, String json) {
        Matcher entry = ENTRY.matcher(resource);
        if (!entry.matches()) {
            throw new IllegalStateException("Not a published schema path (<full name>/v<N>.avsc): " + resource);
        }
        try {
            Schema schema = new Schema.Parser().parse(json);
            return new PublishedSchema(entry.group(1), Integer.parseInt(entry.group(2)), resource, schema);
        } catch (AvroRuntimeException e) {
            throw new IllegalStateException("Published schema " + resource + " does not parse on its own: "
                    + e.getMessage(), e);
        }
    }

    /** The classpath resource of a version: {@code waypoint/schema-history/<fullName>/v<version>.avsc}. */
    public static String resourceOf(String fullName, int version) {
        return ROOT + "/" + fileOf(fullName, version);
    }

    /** The path of a version relative to the history folder: {@code <fullName>/v<version>.avsc}. */
    public static String fileOf(String fullName, int version) {
        return fullName + "/v" + version + ".avsc";
    }

    public SortedSet<String> recordNames() {
        return new TreeSet<>(byRecord.keySet());
    }

    /** Every published version of a record, oldest first; empty when the record was never released. */
    public List<PublishedSchema> versions(String fullName) {
        return byRecord.getOrDefault(fullName, List.of());
    }

    public Optional<PublishedSchema> latest(String fullName) {
        List<PublishedSchema> versions = versions(fullName);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast());
    }

    /** Every published version, by record name then version. */
    public List<PublishedSchema> all() {
        return byRecord.values().stream().flatMap(List::stream).toList();
    }

    /** The index file listing this history, as {@code SchemaRelease} writes it. */
    public String index() {
        StringBuilder index = new StringBuilder()
                .append("# Released Avro schema versions, one classpath resource a line.\n")
                .append("# Written by io.waypoint.schemas.tools.SchemaRelease: do not edit by hand.\n");
        for (PublishedSchema version : all()) {
            index.append(resourceOf(version.fullName(), version.version())).append('\n');
        }
        return index.toString();
    }

    /**
     * What makes this history inconsistent: a file named after another record than the schema it holds,
     * gaps in the version numbers, a version whose contract form equals the one before it, stray files.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (String stray : strays) {
            problems.add("Stray file in the schema history (expected <full name>/v<N>.avsc): " + stray);
        }
        for (Map.Entry<String, List<PublishedSchema>> record : byRecord.entrySet()) {
            PublishedSchema previous = null;
            int expected = 1;
            for (PublishedSchema version : record.getValue()) {
                if (!version.schema().getFullName().equals(version.fullName())) {
                    problems.add(version.resource() + " holds " + version.schema().getFullName()
                            + ", not " + version.fullName());
                }
                if (version.version() != expected) {
                    problems.add(record.getKey() + ": expected v" + expected + " but found v" + version.version()
                            + " (versions are numbered 1, 2, 3... without gaps)");
                }
                if (previous != null && previous.contractForm().equals(version.contractForm())) {
                    problems.add(version.label() + " is the same contract as v" + previous.version()
                            + " (only documentation differs)");
                }
                previous = version;
                expected = version.version() + 1;
            }
        }
        return problems;
    }
}
