package dev.shop.storefront.client;

import java.util.List;

/** One page of catalog's product list; {@code page} counts from 0 as catalog does. */
public record ProductPage(List<Product> items, int page, int size, long total) {

    public ProductPage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
