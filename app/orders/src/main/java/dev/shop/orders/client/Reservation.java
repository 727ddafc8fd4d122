package dev.shop.orders.client;

import java.util.List;

/**
 * Catalog's answer to a reservation: the lines with the name and unit price they were reserved at. Fields catalog
 * adds later are ignored: what a client reads is tolerant by default (decision 0506).
 */
public record Reservation(String reference, List<Line> lines) {

    public record Line(String sku, String name, int quantity, Price unitPrice) {
    }

    public record Price(long amountMinor, String currency) {
    }
}
