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
        List<Level> levels = new ArrayList<>();
        double good = 0;
        double bad = 0;
        for (double rate = startRate; rate <= maxRate; rate *= 2) {
            Level level = measure.apply(rate);
            levels.add(level);
            if (!level.meetsGoal()) {
                bad = rate;
                break;
            }
            good = rate;
        }
        for (double rate = startRate / 2; good == 0 && rate >= startRate / 8; rate /= 2) {
            Level level = measure.apply(rate);
            levels.add(level);
            if (level.meetsGoal()) {
                good = rate;
            } else {
                bad = rate;
            }
        }
        for (int step = 0; step < refinements && good > 0 && bad > 0; step++) {
            double middle = Math.round(Math.sqrt(good * bad));
            if (middle <= good || middle >= bad) {
                break;
            }
            Level level = measure.apply(middle);
            levels.add(level);
            if (level.meetsGoal()) {
                good = middle;
            } else {
                bad = middle;
            }
        }
        return new Result(List.copyOf(levels), good);
    }
}
