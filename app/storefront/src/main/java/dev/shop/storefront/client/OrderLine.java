package dev.shop.storefront.client;

/** One line of an order placed with orders. */
public record OrderLine(String sku, String name, int quantity, Money unitPrice) {

    public Money lineTotal() {
        return unitPrice.times(quantity);
    }
}
