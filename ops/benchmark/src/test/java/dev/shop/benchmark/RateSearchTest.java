package dev.shop.benchmark;

import dev.shop.benchmark.GatlingOutput.Level;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RateSearchTest {

    /** A server that keeps p95 at 20 ms up to its capacity and then falls over. */
    private static Level server(double capacity, double rate) {
        return new Level(rate, 10, rate <= capacity ? 20 : 400, 30, 0, Math.round(rate * 15));
    }

    /** The rates the search measured, in order: each level carries the rate it was run at. */
    private static List<Double> ratesMeasured(RateSearch.Result result) {
        return result.levels().stream().map(Level::rate).toList();
    }

    @Test
    void doublesUntilAMissThenNarrowsTheGap() {
        RateSearch.Result result = RateSearch.run(25, 6400, 2, rate -> server(300, rate));

        assertEquals(List.of(25.0, 50.0, 100.0, 200.0, 400.0, 283.0, 336.0), ratesMeasured(result));
        assertEquals(283.0, result.highestGoodRate());
        assertEquals(7, result.levels().size());
    }

    @Test
    void halvesWhenTheStartRateAlreadyMisses() {
        RateSearch.Result result = RateSearch.run(50, 6400, 2, rate -> server(20, rate));

        assertEquals(List.of(50.0, 25.0, 12.5, 18.0, 21.0), ratesMeasured(result));
        assertEquals(18.0, result.highestGoodRate());
    }

    @Test
    void nothingGoodWhenEvenAnEighthOfTheStartRateMisses() {
        RateSearch.Result result = RateSearch.run(40, 6400, 2, rate -> server(1, rate));

        assertEquals(0.0, result.highestGoodRate());
        assertEquals(4, result.levels().size());
    }

    @Test
    void stopsAtTheMaximumRate() {
        RateSearch.Result result = RateSearch.run(100, 800, 2, rate -> server(1_000_000, rate));

        assertEquals(800.0, result.highestGoodRate());
        assertEquals(4, result.levels().size());
    }

    @Test
    void refusesANonsenseRange() {
        assertThrows(IllegalArgumentException.class, () -> RateSearch.run(0, 100, 1, rate -> server(1, rate)));
        assertThrows(IllegalArgumentException.class, () -> RateSearch.run(200, 100, 1, rate -> server(1, rate)));
    }
}
