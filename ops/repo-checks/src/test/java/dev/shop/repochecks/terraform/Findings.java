package dev.shop.repochecks.terraform;

import java.util.LinkedHashSet;
import java.util.List;

/** Findings are lines "where: what is wrong"; a rule that can see one thing twice reports it once. */
final class Findings {

    private Findings() {
    }

    static List<String> distinct(List<String> findings) {
        return List.copyOf(new LinkedHashSet<>(findings));
    }
}
