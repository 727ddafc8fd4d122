package dev.shop.orders.model;

public enum OrderStatus {
    /** The Idempotency-Key is claimed and catalog is being asked for the stock. */
    PENDING,
    /** Stock is reserved; the order stands. */
    CONFIRMED
}
