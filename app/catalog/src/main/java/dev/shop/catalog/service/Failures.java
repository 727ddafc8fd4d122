package dev.shop.catalog.service;

import dev.shop.conventions.failure.Failure;
import dev.shop.conventions.failure.Failure.Kind;

/** The failures catalog's services raise, named by kind; the REST edge answers each as a problem+json. */
public final class Failures {

    private Failures() {
    }

    public static Failure productNotFound(long id) {
        return Failure.of(Kind.NOT_FOUND, "product-not-found", "Product not found",
                "There is no product with id " + id + ".");
    }

    public static Failure skuNotFound(String sku) {
        return Failure.of(Kind.NOT_FOUND, "product-not-found", "Product not found",
                "There is no product with sku " + sku + ".").with("sku", sku);
    }

    public static Failure duplicateSku(String sku) {
        return Failure.of(Kind.CONFLICT, "duplicate-sku", "SKU already used",
                "Another product already has sku " + sku + ".").with("sku", sku);
    }

    public static Failure concurrentUpdate(long id) {
        return Failure.of(Kind.CONFLICT, "concurrent-update", "Concurrent update",
                "Product " + id + " changed while it was being updated; read it again and retry.");
    }

    public static Failure insufficientStock(String sku, int requested) {
        return Failure.of(Kind.CONFLICT, "insufficient-stock", "Insufficient stock",
                "Not enough stock of " + sku + " for " + requested + " more.")
                .with("sku", sku).with("requested", requested);
    }

    public static Failure duplicateLine(String sku) {
        return Failure.of(Kind.INVALID, "duplicate-line", "Duplicate line",
                "Sku " + sku + " appears in more than one line; send one line per sku.").with("sku", sku);
    }

    public static Failure reservationReleased(String reference) {
        return Failure.of(Kind.CONFLICT, "reservation-released", "Reservation released",
                "Reservation " + reference + " was released; use a new reference.").with("reference", reference);
    }

    public static Failure reservationMismatch(String reference) {
        return Failure.of(Kind.REFUSED, "reservation-mismatch", "Reference reused",
                "Reservation " + reference + " exists with other lines; a reference can only be replayed as is.")
                .with("reference", reference);
    }
}
