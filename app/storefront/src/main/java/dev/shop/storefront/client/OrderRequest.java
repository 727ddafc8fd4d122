package dev.shop.storefront.client;

import java.util.List;

/** The body of {@code POST /api/orders}. */
public record OrderRequest(List<Line> lines) {

    public record Line(String sku, int quantity) {
    }
}
