package dev.shop.orders.rest;

import dev.shop.orders.model.Order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record OrderView(UUID id, String status, List<Line> lines, Money total, Instant createdAt) {

    public record Line(String sku, String name, int quantity, Money unitPrice) {
    }

    static OrderView of(Order order) {
        return new OrderView(order.id, order.status.name(),
                order.lines.stream()
                        .map(line -> new Line(line.sku, line.name, line.quantity,
                                new Money(line.unitPriceAmountMinor, line.currency)))
                        .toList(),
                order.totalAmountMinor == null ? null : new Money(order.totalAmountMinor, order.currency),
                order.createdAt);
    }
}
