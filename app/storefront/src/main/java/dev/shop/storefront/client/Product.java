package dev.shop.storefront.client;

/** A product as catalog describes it (docs/architecture.md). Unknown fields are ignored. */
public record Product(Long id, String sku, String name, String description, Money price, int stock,
                      String imageUrl) {

    public boolean inStock() {
        return stock > 0;
    }
}
