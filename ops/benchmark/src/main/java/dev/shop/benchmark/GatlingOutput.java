package dev.shop.benchmark;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the figures of one {@link RequestRateSimulation} run from Gatling's console output: its
 * assertion lines print the actual value of every metric they test (Gatling 3.15 writes no
 * machine-readable statistics file, only the HTML report).
 */
public final class GatlingOutput {

    /** e.g. {@code product page: 95th percentile of response time is less than or equal to 100.0 : true (actual : 31.0)} */
    private static final Pattern ASSERTION = Pattern.compile(
            "^(?<name>.+?): (?<metric>.+?) : (?:true|false) \\(actual : (?<actual>[0-9.E-]+)\\)\\s*$");

    private GatlingOutput() {
    }

    /** What one level measured for the request under test. */
    public record Level(double rate, double p50, double p95, double p99, long failed, long requests) {

        public boolean meetsGoal() {
            return failed == 0 && requests > 0 && p95 <= RequestRateSimulation.P95_GOAL_MILLIS;
        }
    }

    public static Level parse(String requestName, double rate, String output) {
        Map<String, Double> actual = new HashMap<>();
        for (String line : output.split("\\R")) {
            Matcher matcher = ASSERTION.matcher(line.strip());
            if (matcher.matches() && matcher.group("name").equals(requestName)) {
                actual.put(matcher.group("metric"), Double.parseDouble(matcher.group("actual")));
            }
        }
        return new Level(rate,
                find(actual, "50th percentile of response time", requestName),
                find(actual, "95th percentile of response time", requestName),
                find(actual, "99th percentile of response time", requestName),
                Math.round(find(actual, "count of failed events", requestName)),
                Math.round(find(actual, "count of all events", requestName)));
    }

    private static double find(Map<String, Double> actual, String metricStart, String requestName) {
        return actual.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(metricStart))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Gatling printed no \"" + metricStart + "\" for "
                        + requestName + " (did the run start? see its output above)"));
    }
}
