package dev.shop.repochecks.argocd;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The values a pinned Helm chart reads, as JSON pointers ("/server/ingress/enabled"): every key of its
 * values.yaml (a key whose default is an empty mapping is marked open, " {}": what goes below it is free)
 * and every .Values path its templates name (values that the file only documents in comments). Stored
 * per chart version under src/test/resources/chart-values; ChartValuesTest regenerates them from the
 * upstream chart sources and holds the platform's values files against them.
 */
final class ChartValuesKeys {

    static final String OPEN = " {}";
    private static final Pattern TEMPLATE_REFERENCE = Pattern.compile("\\.Values((?:\\.[A-Za-z_][A-Za-z0-9_]*)+)");

    private ChartValuesKeys() {
    }

    /** The key pointers of a chart directory (values.yaml and templates/), under prefix (a subchart's key). */
    static Set<String> of(Path chart, String prefix) {
        Set<String> keys = new TreeSet<>();
        for (JsonNode values : Repo.documents(chart.resolve("values.yaml"))) {
            collect(values, prefix, keys);
        }
        try (Stream<Path> templates = Files.walk(chart.resolve("templates"))) {
            for (Path template : templates.filter(Files::isRegularFile).toList()) {
                Matcher reference = TEMPLATE_REFERENCE.matcher(Files.readString(template));
                while (reference.find()) {
                    String pointer = prefix + reference.group(1).replace('.', '/');
                    keys.add(pointer);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    private static void collect(JsonNode node, String pointer, Set<String> keys) {
        for (Map.Entry<String, JsonNode> field : iterable(node)) {
            String child = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
            JsonNode value = field.getValue();
            keys.add(value.isObject() && value.isEmpty() ? child + OPEN : child);
            if (value.isObject()) {
                collect(value, child, keys);
            }
        }
    }

    /** The pointers of the keys a values file sets, not descending into lists (a list replaces the chart's). */
    static List<String> setBy(JsonNode values) {
        List<String> pointers = new ArrayList<>();
        walk(values, "", pointers);
        return pointers;
    }

    private static void walk(JsonNode node, String pointer, List<String> pointers) {
        for (Map.Entry<String, JsonNode> field : iterable(node)) {
            String child = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
            pointers.add(child);
            if (field.getValue().isObject()) {
                walk(field.getValue(), child, pointers);
            }
        }
    }

    /** The keys of values that the chart does not read: not known, and under no open key. */
    static List<String> unknown(JsonNode values, Set<String> chartKeys) {
        Set<String> known = new TreeSet<>();
        Set<String> open = new TreeSet<>();
        for (String key : chartKeys) {
            if (key.endsWith(OPEN)) {
                open.add(key.substring(0, key.length() - OPEN.length()));
            } else {
                known.add(key);
            }
        }
        known.addAll(open);
        List<String> unknown = new ArrayList<>();
        for (String pointer : setBy(values)) {
            boolean underOpen = open.stream().anyMatch(o -> pointer.startsWith(o + "/"));
            boolean underUnknown = unknown.stream().anyMatch(u -> pointer.startsWith(u + "/"));
            if (!known.contains(pointer) && !underOpen && !underUnknown) {
                unknown.add(pointer);
            }
        }
        return unknown;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node.isObject() ? node.properties() : List.of();
    }
}
