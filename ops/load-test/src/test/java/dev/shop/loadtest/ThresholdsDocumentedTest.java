package dev.shop.loadtest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/load-test.md states the thresholds the pipeline enforces; this keeps the two the same. */
class ThresholdsDocumentedTest {

    private static final Path DOC = Path.of("../../docs/load-test.md");

    @Test
    void everyGroupsLimitsAreTheDocumentedOnes() throws IOException {
        String doc = Files.readString(DOC);
        for (Thresholds.Group group : Thresholds.GROUPS) {
            Matcher row = Pattern.compile("(?m)^\\| " + group.name() + " \\|[^|]*\\| (\\d+) \\| ([0-9.]+) \\|$")
                    .matcher(doc);
            assertTrue(row.find(), "docs/load-test.md has no threshold row for " + group.name());
            assertEquals(group.p95Millis(), Integer.parseInt(row.group(1)), group.name() + " p95");
            assertEquals(group.maxErrorPercent(), Double.parseDouble(row.group(2)), group.name() + " errors");
        }
        assertTrue(doc.contains("over all requests: at most " + format(Thresholds.MAX_GLOBAL_ERROR_PERCENT) + " % failed"));
    }

    @Test
    void journeySharesAreTheDocumentedOnes() throws IOException {
        String doc = Files.readString(DOC);
        assertTrue(doc.contains("| " + format(ShopperJourneys.BROWSERS_PERCENT) + " % | browser |"));
        assertTrue(doc.contains("| " + format(ShopperJourneys.ABANDONERS_PERCENT) + " % | cart abandoner |"));
        assertTrue(doc.contains("| " + format(ShopperJourneys.BUYERS_PERCENT) + " % | buyer |"));
        assertEquals(100.0, ShopperJourneys.BROWSERS_PERCENT + ShopperJourneys.ABANDONERS_PERCENT
                + ShopperJourneys.BUYERS_PERCENT);
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
