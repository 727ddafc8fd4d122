package dev.shop.orders.client;

/** Catalog answered and said no for a product: retrying the same request would get the same answer. */
public class CatalogRejectedException extends RuntimeException {

    public enum Reason {
        /** Not enough stock of the sku. */
        INSUFFICIENT_STOCK,
        /** Catalog has no product with the sku. */
        UNKNOWN_SKU
    }

    private final Reason reason;
    private final String sku;

    public CatalogRejectedException(Reason reason, String sku) {
        super(reason + " " + sku, null, false, false);
        this.reason = reason;
        this.sku = sku;
    }

    public Reason reason() {
        return reason;
    }

    public String sku() {
        return sku;
    }
}
