package dev.shop.catalog.service;

import dev.shop.conventions.problem.ProblemException;

/** The problem types (RFC 9457) catalog's services raise; the REST layer turns them into responses. */
public final class Problems {

    private static final String TYPE_PREFIX = "urn:shop:problem:";

    private Problems() {
    }

    public static ProblemException productNotFound(long id) {
        return problem(404, "product-not-found", "Product not found", "There is no product with id " + id + ".");
    }

    public static ProblemException skuNotFound(String sku) {
        return problem(404, "product-not-found", "Product not found", "There is no product with sku " + sku + ".")
                .with("sku", sku);
    }

    public static ProblemException duplicateSku(String sku) {
        return problem(409, "duplicate-sku", "SKU already used", "Another product already has sku " + sku + ".")
                .with("sku", sku);
    }

    public static ProblemException concurrentUpdate(long id) {
        return problem(409, "concurrent-update", "Concurrent update",
                "Product " + id + " changed while it was being updated; read it again and retry.");
    }

    public static ProblemException insufficientStock(String sku, int requested) {
        return problem(409, "insufficient-stock", "Insufficient stock",
                "Not enough stock of " + sku + " for " + requested + " more.")
                .with("sku", sku).with("requested", requested);
    }

    public static ProblemException duplicateLine(String sku) {
        return problem(400, "duplicate-line", "Duplicate line",
                "Sku " + sku + " appears in more than one line; send one line per sku.").with("sku", sku);
    }

    public static ProblemException reservationReleased(String reference) {
        return problem(409, "reservation-released", "Reservation released",
                "Reservation " + reference + " was released; use a new reference.").with("reference", reference);
    }

    public static ProblemException reservationMismatch(String reference) {
        return problem(422, "reservation-mismatch", "Reference reused",
                "Reservation " + reference + " exists with other lines; a reference can only be replayed as is.")
                .with("reference", reference);
    }

    private static ProblemException problem(int status, String type, String title, String detail) {
        return new ProblemException(status, TYPE_PREFIX + type, title, detail);
    }
}
