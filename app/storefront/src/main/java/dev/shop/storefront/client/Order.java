package dev.shop.storefront.client;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/** An order as orders returns it (docs/architecture.md). */
public record Order(String id, String status, List<OrderLine> lines, Money total, OffsetDateTime createdAt) {

    public Order {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public int itemCount() {
        return lines.stream().mapToInt(OrderLine::quantity).sum();
    }

    /**
     * The order's reference as every page shows it: the first block of the id in upper case, e.g. {@code 02F723DF}.
     * Short enough to read out on the phone; support finds the order by this prefix (docs/decisions/0611).
     */
    public String reference() {
        int dash = id.indexOf('-');
        return (dash > 0 ? id.substring(0, dash) : id).toUpperCase(Locale.ROOT);
    }
}
