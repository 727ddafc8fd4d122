package dev.shop.orders.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** Catalog's answer to a reservation: the lines with the name and unit price they were reserved at. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Reservation(String reference, List<Line> lines) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(String sku, String name, int quantity, Price unitPrice) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Price(long amountMinor, String currency) {
    }
}
