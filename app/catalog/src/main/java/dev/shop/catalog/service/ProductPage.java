package dev.shop.catalog.service;

import dev.shop.catalog.model.Product;

import java.util.List;

public record ProductPage(List<Product> items, int page, int size, long total) {
}
