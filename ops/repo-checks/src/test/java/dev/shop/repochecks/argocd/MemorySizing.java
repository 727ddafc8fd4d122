package dev.shop.repochecks.argocd;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds each shop Deployment's memory limit against the need measured for it (docs/benchmarks.md, table
 * "Measured memory need"): the packaged service run under that CPU limit and those JVM options, loaded
 * past its break point. A limit is enough when the measured peak RSS is at most 85 % of it; a Deployment
 * whose CPU limit or JAVA_TOOL_OPTIONS differ from every measured row has no measurement at all, which is
 * a finding too (the figure only holds for the flags it was measured with).
 */
final class MemorySizing {

    /** Peak RSS may use at most this share of the limit: the rest absorbs what one run did not reach. */
    static final BigDecimal HEADROOM = new BigDecimal("0.85");
    static final String TABLE_HEADING = "### Measured memory need";

    /** One row of the table: peak RSS of a service under a CPU limit with given JVM options. */
    record MeasuredNeed(String service, long cpuMillis, String javaToolOptions, long peakRssMib) {
    }

    private static final Pattern ROW = Pattern.compile(
            "^\\|\\s*([a-z][a-z0-9-]*)\\s*\\|\\s*([0-9.]+m?)\\s*\\|\\s*`([^`]*)`\\s*\\|\\s*(\\d+)\\s*\\|.*$");
    private static final Pattern MEMORY = Pattern.compile("(\\d+)(Ki|Mi|Gi|K|M|G)?");

    private MemorySizing() {
    }

    /** The rows of the table under {@link #TABLE_HEADING}; fails if the heading or its rows are missing. */
    static List<MeasuredNeed> parse(String markdown) {
        int start = markdown.indexOf(TABLE_HEADING);
        if (start < 0) {
            throw new IllegalArgumentException("no section '" + TABLE_HEADING + "'");
        }
        List<MeasuredNeed> needs = new ArrayList<>();
        boolean inTable = false;
        for (String line : markdown.substring(start).lines().skip(1).toList()) {
            if (line.startsWith("#")) {
                break;
            }
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            inTable = true;
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                needs.add(new MeasuredNeed(row.group(1), cpuMillis(row.group(2)), row.group(3).strip(),
                        Long.parseLong(row.group(4))));
            }
        }
        if (needs.isEmpty()) {
            throw new IllegalArgumentException("no measured rows under '" + TABLE_HEADING + "'");
        }
        return needs;
    }

    /** One finding per shop container whose memory limit is below its measured need or was never measured. */
    static List<String> check(String where, List<JsonNode> rendered, List<MeasuredNeed> needs) {
        List<String> findings = new ArrayList<>();
        for (JsonNode deployment : Repo.ofKind(rendered, "Deployment")) {
            for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
                String service = container.path("name").asText();
                String what = where + ": Deployment " + Repo.name(deployment) + " container " + service;
                JsonNode limits = container.path("resources").path("limits");
                if (!limits.hasNonNull("memory") || !limits.hasNonNull("cpu")) {
                    findings.add(what + ": no cpu and memory limit to hold against a measurement");
                    continue;
                }
                long cpu = cpuMillis(limits.path("cpu").asText());
                long limitMib = mebibytes(limits.path("memory").asText());
                String options = javaToolOptions(rendered, container).orElse("");
                Optional<MeasuredNeed> measured = needs.stream()
                        .filter(n -> n.service().equals(service) && n.cpuMillis() == cpu && n.javaToolOptions().equals(options))
                        .findFirst();
                if (measured.isEmpty()) {
                    findings.add(what + ": no measurement with cpu limit " + cpu + "m and JAVA_TOOL_OPTIONS '" + options
                            + "' in docs/benchmarks.md (" + TABLE_HEADING.substring(4) + "): measure it before deploying it");
                    continue;
                }
                long peak = measured.get().peakRssMib();
                if (BigDecimal.valueOf(peak).compareTo(HEADROOM.multiply(BigDecimal.valueOf(limitMib))) > 0) {
                    long needed = BigDecimal.valueOf(peak).divide(HEADROOM, 0, RoundingMode.CEILING).longValue();
                    findings.add(what + ": memory limit " + limitMib + "Mi is below the measured need: peak RSS " + peak
                            + " MiB must stay within 85 % of the limit, so at least " + needed + "Mi");
                }
            }
        }
        return findings;
    }

    /** JAVA_TOOL_OPTIONS as the container gets it: its own env first, else the ConfigMaps it loads. */
    private static Optional<String> javaToolOptions(List<JsonNode> rendered, JsonNode container) {
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals("JAVA_TOOL_OPTIONS") && env.has("value")) {
                return Optional.of(env.path("value").asText().strip());
            }
        }
        for (JsonNode source : container.path("envFrom")) {
            String configMap = source.path("configMapRef").path("name").asText(null);
            if (configMap == null) {
                continue;
            }
            for (JsonNode map : Repo.ofKind(rendered, "ConfigMap")) {
                JsonNode value = map.path("data").path("JAVA_TOOL_OPTIONS");
                if (Repo.name(map).equals(configMap) && value.isTextual()) {
                    return Optional.of(value.asText().strip());
                }
            }
        }
        return Optional.empty();
    }

    static long cpuMillis(String quantity) {
        String text = quantity.strip();
        if (text.endsWith("m")) {
            return Long.parseLong(text.substring(0, text.length() - 1));
        }
        return new BigDecimal(text).movePointRight(3).longValueExact();
    }

    static long mebibytes(String quantity) {
        Matcher m = MEMORY.matcher(quantity.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a memory quantity this check reads: " + quantity);
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2).toUpperCase(Locale.ROOT);
        long bytes = switch (unit) {
            case "KI" -> amount * 1024;
            case "MI" -> amount * 1024 * 1024;
            case "GI" -> amount * 1024 * 1024 * 1024;
            case "K" -> amount * 1000;
            case "M" -> amount * 1000 * 1000;
            case "G" -> amount * 1000 * 1000 * 1000;
            default -> amount;
        };
        return bytes / (1024 * 1024);
    }
}
