package dev.shop.benchmark;

import dev.shop.benchmark.GatlingOutput.Level;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Finds the highest arrival rate that meets the goal: doubles the rate until a level misses it (or, when
 * the start rate already misses, halves it down to an eighth of it until one meets it), then narrows the
 * gap between the last good and the first bad rate by geometric bisection.
 */
public final class RateSearch {

    /** Every level measured, in order, and the highest rate that met the goal (0 when none did). */
    public record Result(List<Level> levels, double highestGoodRate) {
    }

    private RateSearch() {
    }

    public static Result run(double startRate, double maxRate, int refinements, DoubleFunction<Level> measure) {
        if (startRate <= 0 || maxRate < startRate || refinements < 0) {
            throw new IllegalArgumentException("need 0 < startRate <= maxRate and refinements >= 0");
        }
        Bounds bounds = new Bounds(measure);
        for (double rate = startRate; rate <= maxRate; rate *= 2) {
            if (!bounds.probe(rate)) {
                break;
            }
        }
        for (double rate = startRate / 2; bounds.good == 0 && rate >= startRate / 8; rate /= 2) {
            bounds.probe(rate);
        }
        for (int step = 0; step < refinements && bounds.good > 0 && bounds.bad > 0; step++) {
            double middle = Math.round(Math.sqrt(bounds.good * bounds.bad));
            if (middle <= bounds.good || middle >= bounds.bad) {
                break;
            }
            bounds.probe(middle);
        }
        return new Result(List.copyOf(bounds.levels), bounds.good);
    }

    /** The levels measured so far, the highest rate that met the goal and the lowest that missed it (0: none yet). */
    private static final class Bounds {

        private final DoubleFunction<Level> measure;
        private final List<Level> levels = new ArrayList<>();
        private double good;
        private double bad;

        Bounds(DoubleFunction<Level> measure) {
            this.measure = measure;
        }

        /** Measures one rate and moves the bound it proves; whether it met the goal. */
        boolean probe(double rate) {
            Level level = measure.apply(rate);
            levels.add(level);
            if (level.meetsGoal()) {
                good = rate;
            } else {
                bad = rate;
            }
            return level.meetsGoal();
        }
    }
}
