package io.waypoint.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The results as Markdown: printed at the end of every run, appended to BENCHMARKS.md with {@code --record}. */
final class Report {

    private final List<String> lines = new ArrayList<>();

    void heading(String text) {
        lines.add("");
        lines.add("### " + text);
        lines.add("");
    }

    void paragraph(String text) {
        lines.add(text);
        lines.add("");
    }

    void bullet(String text) {
        lines.add("- " + text);
    }

    void table(List<String> header, List<List<String>> rows) {
        lines.add("| " + String.join(" | ", header) + " |");
        lines.add("|" + "---|".repeat(header.size()));
        for (List<String> row : rows) {
            lines.add("| " + String.join(" | ", row) + " |");
        }
        lines.add("");
    }

    String markdown() {
        return String.join("\n", lines).replaceAll("\n{3,}", "\n\n").strip() + "\n";
    }

    /** CPU and RSS per window: one row per window, one column per process (instances of a service summed). */
    static final class Resources {
        private final Map<String, List<ProcessStats.Usage>> windows = new LinkedHashMap<>();

        void add(String window, List<ProcessStats.Usage> usage) {
            windows.put(window, usage);
        }

        boolean isEmpty() {
            return windows.isEmpty();
        }

        void writeTo(Report report) {
            List<String> columns = List.of("kafka", "postgres", "intake-service", "scheduling-service",
                    "followup-service", "followup-rebuild", "benchmark");
            List<String> present = columns.stream().filter(c -> windows.values().stream()
                    .flatMap(List::stream).anyMatch(u -> column(u.name()).equals(c))).toList();
            List<String> header = new ArrayList<>();
            header.add("window");
            present.forEach(c -> header.add(c + " CPU % / RSS MB"));
            List<List<String>> rows = new ArrayList<>();
            windows.forEach((window, usage) -> {
                List<String> row = new ArrayList<>();
                row.add(window);
                for (String c : present) {
                    List<ProcessStats.Usage> of = usage.stream().filter(u -> column(u.name()).equals(c)).toList();
                    if (of.isEmpty()) {
                        row.add("—");
                        continue;
                    }
                    double cpu = of.stream().mapToDouble(ProcessStats.Usage::cpuPercentOfOneCore).sum();
                    long rss = of.stream().mapToLong(ProcessStats.Usage::rssMb).sum();
                    row.add((of.size() > 1 ? of.size() + "× " : "") + String.format("%.0f %% / %d", cpu, rss));
                }
                rows.add(row);
            });
            report.table(header, rows);
        }

        private static String column(String name) {
            if (name.startsWith("followup-rebuild")) {
                return "followup-rebuild";
            }
            for (String service : List.of("intake-service", "scheduling-service", "followup-service")) {
                if (name.startsWith(service)) {
                    return service;
                }
            }
            return name;
        }
    }

    /** Appends a dated section to BENCHMARKS.md. */
    void appendTo(Path benchmarks, String title, List<String> preamble) throws IOException {
        StringBuilder section = new StringBuilder("\n## ").append(title).append("\n\n");
        preamble.forEach(line -> section.append(line).append("\n"));
        section.append("\n").append(markdown());
        Files.writeString(benchmarks, section.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
