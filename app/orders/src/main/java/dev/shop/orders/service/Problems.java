package dev.shop.orders.service;

import dev.shop.conventions.problem.ProblemException;

/** The problem types (RFC 9457) orders' services raise; the REST layer turns them into responses. */
public final class Problems {

    private static final String TYPE_PREFIX = "urn:shop:problem:";

    private Problems() {
    }

    public static ProblemException orderNotFound(Object id) {
        return problem(404, "order-not-found", "Order not found", "You have no order " + id + ".");
    }

    public static ProblemException insufficientStock(String sku) {
        return problem(409, "insufficient-stock", "Insufficient stock",
                "There is not enough stock of " + sku + " for this order.").with("sku", sku);
    }

    public static ProblemException unknownSku(String sku) {
        return problem(422, "unknown-sku", "Unknown product", "The catalog has no product " + sku + ".")
                .with("sku", sku);
    }

    public static ProblemException duplicateLine(String sku) {
        return problem(400, "duplicate-line", "Duplicate line",
                "Sku " + sku + " appears in more than one line; send one line per sku.").with("sku", sku);
    }

    /** {@code orderId}: the order placed with the key, so a caller that lost the first answer can show it. */
    public static ProblemException idempotencyKeyReused(String key, Object orderId) {
        return problem(422, "idempotency-key-reused", "Idempotency-Key reused",
                "Idempotency-Key " + key + " was used for a different checkout; use a new key for a new order.")
                .with("orderId", orderId.toString());
    }

    public static ProblemException checkoutInProgress(String key) {
        return problem(409, "checkout-in-progress", "Checkout in progress",
                "A checkout with Idempotency-Key " + key + " is still running; retry shortly with the same key.")
                .withHeader("Retry-After", "1");
    }

    public static ProblemException mixedCurrencies() {
        return problem(422, "mixed-currencies", "Mixed currencies",
                "The products are priced in different currencies; order them separately.");
    }

    public static ProblemException catalogUnavailable() {
        return problem(503, "catalog-unavailable", "Service unavailable",
                "Stock cannot be reserved right now because the catalog is unavailable; retry shortly with the same "
                        + "Idempotency-Key.").withHeader("Retry-After", "5");
    }

    private static ProblemException problem(int status, String type, String title, String detail) {
        return new ProblemException(status, TYPE_PREFIX + type, title, detail);
    }
}
