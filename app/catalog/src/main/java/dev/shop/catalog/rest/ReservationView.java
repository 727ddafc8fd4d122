package dev.shop.catalog.rest;

import dev.shop.catalog.model.Reservation;

import java.util.List;

public record ReservationView(String reference, List<Line> lines) {

    public record Line(String sku, String name, int quantity, Money unitPrice) {
    }

    static ReservationView of(Reservation reservation) {
        return new ReservationView(reservation.reference, reservation.lines.stream()
                .map(line -> new Line(line.sku, line.name, line.quantity,
                        new Money(line.unitPriceAmountMinor, line.currency)))
                .toList());
    }
}
