package dev.shop.benchmark;

import java.util.Locale;

/**
 * The request types the benchmark measures one at a time, each with the trivial endpoint of the same
 * service that serves as its ceiling (what Quarkus on this machine answers with almost no work).
 */
public enum RequestType {

    CATALOG_LIVE("catalog", "catalog /q/health/live", null),
    STOREFRONT_LIVE("storefront", "storefront /q/health/live", null),
    CATALOG_LIST("catalog", "catalog JSON list", CATALOG_LIVE),
    PRODUCT_PAGE("storefront", "product page", STOREFRONT_LIVE),
    ADD_TO_CART("storefront", "add to cart", STOREFRONT_LIVE),
    CHECKOUT("storefront", "checkout", STOREFRONT_LIVE);

    private final String service;
    private final String label;
    private final RequestType ceiling;

    RequestType(String service, String label, RequestType ceiling) {
        this.service = service;
        this.label = label;
        this.ceiling = ceiling;
    }

    /** The LocalShop service that answers this request. */
    public String service() {
        return service;
    }

    /** The Gatling request name, also used in the results table. */
    public String label() {
        return label;
    }

    /** The trivial endpoint to compare with, or null for a ceiling itself. */
    public RequestType ceiling() {
        return ceiling;
    }

    public String propertyValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static RequestType fromProperty(String value) {
        for (RequestType type : values()) {
            if (type.propertyValue().equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown request type " + value + "; known: catalog-live, "
                + "storefront-live, catalog-list, product-page, add-to-cart, checkout");
    }
}
