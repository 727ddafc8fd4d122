package dev.shop.storefront.stubs;

/** The catalog and orders stubs a test talks to, injected into fields marked {@link InjectDownstreams}. */
public record Downstreams(CatalogStub catalog, OrdersStub orders) {

    /** Both up, with the initial products and no orders. */
    public void reset() {
        catalog.start();
        orders.start();
        catalog.reset();
        orders.reset();
    }
}
