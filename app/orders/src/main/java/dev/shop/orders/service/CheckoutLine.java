package dev.shop.orders.service;

/** A cart line to check out: a product and how many. */
public record CheckoutLine(String sku, int quantity) {
}
