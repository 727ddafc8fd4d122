package dev.shop.orders.client;

import java.util.List;

/** Body of catalog's {@code POST /api/reservations} (docs/architecture.md). */
public record ReservationRequest(String reference, List<Line> lines) {

    public record Line(String sku, int quantity) {
    }
}
