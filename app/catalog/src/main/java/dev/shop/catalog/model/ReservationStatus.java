package dev.shop.catalog.model;

public enum ReservationStatus {
    /** Stock is held for the reference. */
    ACTIVE,
    /** Stock went back to the products (or never left: a release that came first). */
    RELEASED
}
