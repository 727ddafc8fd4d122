package dev.shop.loadtest;

import io.gatling.javaapi.core.Assertion;

import java.util.ArrayList;
import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;

/**
 * The pass/fail line of a load run, in one place (documented in docs/load-test.md; change both together).
 * Each request group is one kind of shopper action: its response time is the whole action, a form post
 * together with the page it redirects to, as the shopper waits for it.
 */
public final class Thresholds {

    /** A kind of shopper action and what it must meet under load. */
    public record Group(String name, int p95Millis, double maxErrorPercent) {
    }

    /** Product list, search, product page: most traffic, must stay quick. */
    public static final Group BROWSE = new Group("browse", 500, 1.0);
    /** Add to cart, change quantity, view cart: a Redis write and a catalog read each. */
    public static final Group CART = new Group("cart", 800, 1.0);
    /** Checkout page and placing the order: orders, a stock reservation in catalog, two databases. */
    public static final Group CHECKOUT = new Group("checkout", 1500, 1.0);

    public static final List<Group> GROUPS = List.of(BROWSE, CART, CHECKOUT);

    /** Failed requests over the whole run, whatever their group. */
    public static final double MAX_GLOBAL_ERROR_PERCENT = 1.0;

    private Thresholds() {
    }

    public static List<Assertion> assertions() {
        List<Assertion> assertions = new ArrayList<>();
        for (Group group : GROUPS) {
            assertions.add(details(group.name()).responseTime().percentile(95.0).lte(group.p95Millis()));
            assertions.add(details(group.name()).failedRequests().percent().lte(group.maxErrorPercent()));
        }
        assertions.add(global().failedRequests().percent().lte(MAX_GLOBAL_ERROR_PERCENT));
        return assertions;
    }
}
