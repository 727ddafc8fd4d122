package dev.shop.benchmark;

import dev.shop.benchmark.GatlingOutput.Level;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatlingOutputTest {

    /** As Gatling 3.15.1 printed it for a RequestRateSimulation run, with another request's line mixed in. */
    private static final String OUTPUT = """
            Reports generated, please open the following file: file:///tmp/g/index.html
            catalog JSON list: 50th percentile of response time is greater than or equal to 0.0 : true (actual : 9.0)
            catalog JSON list: 95th percentile of response time is less than or equal to 100.0 : true (actual : 41.0)
            catalog JSON list: 99th percentile of response time is greater than or equal to 0.0 : true (actual : 88.0)
            catalog JSON list: count of failed events is 0.0 : false (actual : 3.0)
            catalog JSON list: count of all events is greater than or equal to 0.0 : true (actual : 750.0)
            add before checkout: 95th percentile of response time is less than or equal to 100.0 : false (actual : 900.0)
            """;

    @Test
    void readsTheFiguresOfTheNamedRequest() {
        Level level = GatlingOutput.parse("catalog JSON list", 50, OUTPUT);

        assertEquals(new Level(50, 9, 41, 88, 3, 750), level);
        assertFalse(level.meetsGoal(), "a failed request misses the goal whatever the latency");
    }

    @Test
    void goalIsP95WithinTheLimitAndNoFailure() {
        assertTrue(new Level(10, 5, 100, 150, 0, 100).meetsGoal());
        assertFalse(new Level(10, 5, 101, 150, 0, 100).meetsGoal());
        assertFalse(new Level(10, 0, 0, 0, 0, 0).meetsGoal(), "no request at all proves nothing");
    }

    @Test
    void aRunThatPrintedNothingIsAnError() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> GatlingOutput.parse("checkout", 50, "Exception in thread \"main\" ..."));
        assertTrue(error.getMessage().contains("checkout"));
    }
}
