package dev.shop.orders.service;

import dev.shop.conventions.failure.Failure;
import dev.shop.conventions.failure.Failure.Kind;

import java.time.Duration;

/** The failures orders' services raise, named by kind; the REST edge answers each as a problem+json. */
public final class Failures {

    private Failures() {
    }

    public static Failure orderNotFound(Object id) {
        return Failure.of(Kind.NOT_FOUND, "order-not-found", "Order not found", "You have no order " + id + ".");
    }

    public static Failure insufficientStock(String sku) {
        return Failure.of(Kind.CONFLICT, "insufficient-stock", "Insufficient stock",
                "There is not enough stock of " + sku + " for this order.").with("sku", sku);
    }

    public static Failure unknownSku(String sku) {
        return Failure.of(Kind.REFUSED, "unknown-sku", "Unknown product", "The catalog has no product " + sku + ".")
                .with("sku", sku);
    }

    public static Failure duplicateLine(String sku) {
        return Failure.of(Kind.INVALID, "duplicate-line", "Duplicate line",
                "Sku " + sku + " appears in more than one line; send one line per sku.").with("sku", sku);
    }

    /** {@code orderId}: the order placed with the key, so a caller that lost the first answer can show it. */
    public static Failure idempotencyKeyReused(String key, Object orderId) {
        return Failure.of(Kind.REFUSED, "idempotency-key-reused", "Idempotency-Key reused",
                "Idempotency-Key " + key + " was used for a different checkout; use a new key for a new order.")
                .with("orderId", orderId.toString());
    }

    public static Failure checkoutInProgress(String key) {
        return Failure.of(Kind.CONFLICT, "checkout-in-progress", "Checkout in progress",
                "A checkout with Idempotency-Key " + key + " is still running; retry shortly with the same key.")
                .retryAfter(Duration.ofSeconds(1));
    }

    public static Failure mixedCurrencies() {
        return Failure.of(Kind.REFUSED, "mixed-currencies", "Mixed currencies",
                "The products are priced in different currencies; order them separately.");
    }

    public static Failure catalogUnavailable() {
        return Failure.of(Kind.UNAVAILABLE, "catalog-unavailable", "Service unavailable",
                "Stock cannot be reserved right now because the catalog is unavailable; retry shortly with the same "
                        + "Idempotency-Key.").retryAfter(Duration.ofSeconds(5));
    }
}
