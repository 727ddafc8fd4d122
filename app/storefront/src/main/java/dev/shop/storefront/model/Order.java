package dev.shop.storefront.model;

import java.time.OffsetDateTime;
import java.util.List;

/** An order as orders returns it (docs/architecture.md). */
public record Order(String id, String status, List<OrderLine> lines, Money total, OffsetDateTime createdAt) {

    public Order {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public int itemCount() {
        return lines.stream().mapToInt(OrderLine::quantity).sum();
    }

    /** The first block of the id: enough for a shopper to tell orders apart. */
    public String shortId() {
        int dash = id.indexOf('-');
        return (dash > 0 ? id.substring(0, dash) : id).toUpperCase(java.util.Locale.ROOT);
    }
}
