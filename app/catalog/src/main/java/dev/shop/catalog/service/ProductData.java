package dev.shop.catalog.service;

/** What an admin sets on a product (create or full update). */
public record ProductData(String sku, String name, String description, long priceAmountMinor, String currency,
                          int stock, String imageUrl) {
}
