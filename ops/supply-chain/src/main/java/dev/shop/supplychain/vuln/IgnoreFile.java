package dev.shop.supplychain.vuln;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks Trivy's YAML ignore file (.trivyignore.yaml, read by trivy-action's {@code trivyignores}
 * input) against the project's rule: every ignored finding says why ({@code statement}) and until
 * when ({@code expired_at}), and nothing is ignored past its date. Trivy itself accepts entries
 * without either and silently ignores misspelt keys, which would ignore a finding forever.
 */
public final class IgnoreFile {

    /** The keys Trivy reads per entry (pkg/result/ignore.go at v0.70.0). */
    static final Set<String> ENTRY_KEYS = Set.of("id", "paths", "purls", "expired_at", "statement");
    /** The finding kinds of the file (the same source). */
    static final Set<String> SECTIONS = Set.of("vulnerabilities", "misconfigurations", "secrets", "licenses");
    /** Longest an ignore may be granted for: the finding is looked at again at least this often. */
    static final int MAX_DAYS = 180;

    private IgnoreFile() {
    }

    /** One line per problem, {@code file: section[index] id: problem}; empty when the file is acceptable. */
    public static List<String> problems(Path file, LocalDate today) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(Files.readString(file));
        } catch (IOException | JacksonException e) {
            return List.of(file + ": not readable YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        List<String> problems = new ArrayList<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return problems;
        }
        for (String section : root.propertyNames()) {
            if (!SECTIONS.contains(section)) {
                problems.add(file + ": unknown section '" + section + "' (Trivy reads " + String.join(", ", sorted(SECTIONS)) + ")");
                continue;
            }
            JsonNode entries = root.path(section);
            for (int i = 0; i < entries.size(); i++) {
                problems.addAll(entryProblems(file + ": " + section + "[" + i + "] ", entries.get(i), today));
            }
        }
        return problems;
    }

    private static List<String> entryProblems(String where, JsonNode entry, LocalDate today) {
        List<String> problems = new ArrayList<>();
        String id = entry.path("id").asString("");
        String at = where + (id.isEmpty() ? "" : id + ": ");
        if (id.isBlank()) {
            problems.add(at + "no id");
        }
        for (String key : entry.propertyNames()) {
            if (!ENTRY_KEYS.contains(key)) {
                problems.add(at + "unknown key '" + key + "' (Trivy would ignore it)");
            }
        }
        if (entry.path("statement").asString("").isBlank()) {
            problems.add(at + "no statement: say why the finding is ignored");
        }
        String expiry = entry.path("expired_at").asString("");
        if (expiry.isBlank()) {
            problems.add(at + "no expired_at: an ignore needs an end date (YYYY-MM-DD)");
            return problems;
        }
        try {
            LocalDate date = LocalDate.parse(expiry);
            if (!date.isAfter(today)) {
                problems.add(at + "expired on " + date + ": fix the finding or renew the ignore with a new reason");
            } else if (date.isAfter(today.plusDays(MAX_DAYS))) {
                problems.add(at + "expired_at " + date + " is more than " + MAX_DAYS + " days away");
            }
        } catch (DateTimeParseException e) {
            problems.add(at + "expired_at '" + expiry + "' is not a date (YYYY-MM-DD)");
        }
        return problems;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
