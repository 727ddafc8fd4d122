package dev.shop.catalog.rest;

import dev.shop.catalog.model.Product;

public record ProductView(long id, String sku, String name, String description, Money price, int stock,
                          String imageUrl) {

    static ProductView of(Product product) {
        return new ProductView(product.id, product.sku, product.name, product.description,
                new Money(product.priceAmountMinor, product.currency), product.stock, product.imageUrl);
    }
}
