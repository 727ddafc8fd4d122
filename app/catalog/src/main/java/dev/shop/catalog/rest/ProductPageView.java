package dev.shop.catalog.rest;

import dev.shop.catalog.service.ProductPage;

import java.util.List;

public record ProductPageView(List<ProductView> items, int page, int size, long total) {

    static ProductPageView of(ProductPage page) {
        return new ProductPageView(page.items().stream().map(ProductView::of).toList(), page.page(), page.size(),
                page.total());
    }
}
