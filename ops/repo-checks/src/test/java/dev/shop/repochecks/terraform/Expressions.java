package dev.shop.repochecks.terraform;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds references in the expression text hcl2json returns. The library's own
 * getReferencesInExpression misses references inside for-expressions (checked on 0.21.0), so
 * the interpolations are scanned here: only the text inside {@code ${...}} counts, never a
 * literal string, and {@code $${} (an escaped dollar) is skipped.
 */
final class Expressions {

    private static final Pattern VARIABLE = Pattern.compile("(?<![\\w.])var\\.([A-Za-z_][A-Za-z0-9_-]*)");
    private static final Pattern MODULE_OUTPUT = Pattern.compile(
            "(?<![\\w.])module\\.([A-Za-z_][A-Za-z0-9_-]*)(?:\\[[^\\]]*\\])?\\.([A-Za-z_][A-Za-z0-9_-]*)");

    private Expressions() {
    }

    /** Every {@code ${...}} segment of a string, outermost only. */
    static List<String> interpolations(String text) {
        List<String> segments = new ArrayList<>();
        int i = 0;
        while ((i = text.indexOf("${", i)) >= 0) {
            if (i > 0 && text.charAt(i - 1) == '$') {
                i += 2;
                continue;
            }
            int depth = 0;
            int end = i + 1;
            for (; end < text.length(); end++) {
                char c = text.charAt(end);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    break;
                }
            }
            segments.add(text.substring(i + 2, Math.min(end, text.length())));
            i = end + 1;
        }
        return segments;
    }

    static boolean isExpression(JsonNode value) {
        return value.isTextual() && !interpolations(value.asText()).isEmpty();
    }

    /** Names of the variables referenced anywhere under the node. */
    static List<String> variables(JsonNode node) {
        List<String> names = new ArrayList<>();
        forEachInterpolation(node, segment -> collect(VARIABLE.matcher(segment), m -> names.add(m.group(1))));
        return names;
    }

    /** {@code [module name, output name]} pairs referenced anywhere under the node. */
    static List<String[]> moduleOutputs(JsonNode node) {
        List<String[]> refs = new ArrayList<>();
        forEachInterpolation(node, segment -> collect(MODULE_OUTPUT.matcher(segment),
                m -> refs.add(new String[] {m.group(1), m.group(2)})));
        return refs;
    }

    /** Every string leaf (and object key) under the node, depth first. */
    static void forEachString(JsonNode node, Consumer<String> action) {
        if (node.isTextual()) {
            action.accept(node.asText());
        } else if (node.isArray()) {
            node.forEach(child -> forEachString(child, action));
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                action.accept(field.getKey());
                forEachString(field.getValue(), action);
            }
        }
    }

    private static void forEachInterpolation(JsonNode node, Consumer<String> action) {
        forEachString(node, text -> interpolations(text).forEach(action));
    }

    private static void collect(Matcher matcher, Consumer<Matcher> action) {
        while (matcher.find()) {
            action.accept(matcher);
        }
    }
}
