package dev.shop.repochecks.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts the metric names that PromQL expressions read, so that the names used by the shop's
 * Grafana dashboard and alert rules can be compared with what a service really exposes on
 * {@code /q/metrics}.
 * <p>
 * A small scanner, not a full PromQL parser: it skips strings, label matchers ({@code {...}}),
 * range and subquery brackets ({@code [...]}), grouping label lists ({@code by (...)},
 * {@code on (...)} and friends), Grafana variables ({@code $name}, {@code ${name}}) and numbers;
 * an identifier followed by {@code (}, {@code by} or {@code without} is a function or aggregation; every other identifier that
 * is not a keyword is a metric name. Reuse: {@link #of}, {@link #fromDashboard},
 * {@link #fromPrometheusRules} and {@link #scrapedBy}.
 */
public final class PromQlMetricNames {

    private static final Set<String> KEYWORDS = Set.of(
            "by", "without", "on", "ignoring", "group_left", "group_right", "bool",
            "and", "or", "unless", "offset", "atan2", "inf", "nan", "start", "end");
    /** Keywords followed by a parenthesised list of label names, not of expressions. */
    private static final Set<String> LABEL_LIST_KEYWORDS = Set.of(
            "by", "without", "on", "ignoring", "group_left", "group_right");
    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\s*\\((.*)\\)\\s*$", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper(new YAMLFactory());

    private PromQlMetricNames() {
    }

    /** Metric names read by one PromQL expression (or a Grafana {@code label_values(...)} query). */
    public static Set<String> of(String expression) {
        Set<String> names = new TreeSet<>();
        Matcher labelValues = LABEL_VALUES.matcher(expression);
        if (labelValues.matches()) {
            // label_values(<series selector>, <label>) or label_values(<label>): only a selector names a metric
            String arguments = labelValues.group(1);
            int comma = topLevelComma(arguments);
            if (comma >= 0) {
                scan(arguments.substring(0, comma), names);
            }
            return names;
        }
        scan(expression, names);
        return names;
    }

    /** Every metric name read by the panels' targets and the template variables of a Grafana dashboard. */
    public static Set<String> fromDashboard(Path dashboardJson) {
        try {
            JsonNode dashboard = JSON.readTree(Files.readString(dashboardJson));
            Set<String> names = new TreeSet<>();
            collectExpressions(dashboard.path("panels"), names);
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                if ("query".equals(variable.path("type").asText())) {
                    JsonNode query = variable.path("query");
                    names.addAll(of(query.isObject() ? query.path("query").asText() : query.asText()));
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Metric names read by the rules of a PrometheusRule file, without the series that the file's own
     * recording rules produce (those are not scraped from anyone).
     */
    public static Set<String> fromPrometheusRules(Path rulesYaml) {
        try {
            JsonNode rules = YAML.readTree(Files.readString(rulesYaml));
            Set<String> used = new TreeSet<>();
            Set<String> recorded = new TreeSet<>();
            for (JsonNode group : rules.path("spec").path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    used.addAll(of(rule.path("expr").asText()));
                    if (rule.hasNonNull("record")) {
                        recorded.add(rule.path("record").asText());
                    }
                }
            }
            used.removeAll(recorded);
            return used;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The names a service's own {@code /q/metrics} must provide: everything in {@code names} except
     * what kube-state-metrics publishes ({@code kube_*}) about pods.
     */
    public static Set<String> scrapedBy(Set<String> names) {
        Set<String> own = new TreeSet<>(names);
        own.removeIf(name -> name.startsWith("kube_"));
        return own;
    }

    private static void collectExpressions(JsonNode panels, Set<String> names) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                if (target.hasNonNull("expr")) {
                    names.addAll(of(target.path("expr").asText()));
                }
            }
            collectExpressions(panel.path("panels"), names);
        }
    }

    private static void scan(String text, Set<String> names) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(text, i);
            } else if (c == '{') {
                i = skipBalanced(text, i, '{', '}');
            } else if (c == '[') {
                i = skipBalanced(text, i, '[', ']');
            } else if (c == '#') {
                i = text.indexOf('\n', i) < 0 ? n : text.indexOf('\n', i);
            } else if (c == '$') {
                i = skipVariable(text, i);
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(text.charAt(i + 1)))) {
                i = skipNumber(text, i);
            } else if (isIdentifierStart(c)) {
                int start = i;
                while (i < n && isIdentifierPart(text.charAt(i))) {
                    i++;
                }
                String word = text.substring(start, i);
                int next = skipSpaces(text, i);
                // "sum by (le) (...)": an aggregation whose grouping comes before its argument
                boolean call = next < n && text.charAt(next) == '(' || startsWithWord(text, next, "by") || startsWithWord(text, next, "without");
                String lower = word.toLowerCase(Locale.ROOT);
                if (call && LABEL_LIST_KEYWORDS.contains(lower)) {
                    i = skipBalanced(text, next, '(', ')');
                } else if ("offset".equals(lower)) {
                    i = skipDurationAfter(text, next);
                } else if (!call && !KEYWORDS.contains(lower)) {
                    names.add(word);
                }
            } else {
                i++;
            }
        }
    }

    private static boolean startsWithWord(String text, int i, String word) {
        int end = i + word.length();
        return text.regionMatches(true, i, word, 0, word.length())
                && (end >= text.length() || !isIdentifierPart(text.charAt(end)));
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c == ':';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':';
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipString(String text, int start) {
        char quote = text.charAt(start);
        int i = start + 1;
        while (i < text.length() && text.charAt(i) != quote) {
            i += text.charAt(i) == '\\' && quote != '`' ? 2 : 1;
        }
        return i + 1;
    }

    /** Skips from an opening bracket to after its closing one, ignoring brackets inside strings. */
    private static int skipBalanced(String text, int start, char open, char close) {
        int depth = 0;
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(text, i);
                continue;
            }
            if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        return i;
    }

    private static int skipVariable(String text, int i) {
        i++;
        if (i < text.length() && text.charAt(i) == '{') {
            return skipBalanced(text, i, '{', '}');
        }
        while (i < text.length() && isIdentifierPart(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipNumber(String text, int i) {
        while (i < text.length()) {
            char c = text.charAt(i);
            boolean exponentSign = (c == '+' || c == '-') && (text.charAt(i - 1) == 'e' || text.charAt(i - 1) == 'E');
            if (Character.isLetterOrDigit(c) || c == '.' || c == '_' || exponentSign) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static int skipDurationAfter(String text, int i) {
        if (i < text.length() && text.charAt(i) == '-') {
            i++;
        }
        return skipNumber(text, i);
    }

    private static int topLevelComma(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(text, i) - 1;
            } else if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
