package dev.shop.catalog.service;

import dev.shop.catalog.model.Product;
import dev.shop.catalog.repository.ProductRepository;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import java.util.Locale;

@ApplicationScoped
public class ProductService {

    private final ProductRepository products;

    public ProductService(ProductRepository products) {
        this.products = products;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProductPage search(String text, int page, int size) {
        return new ProductPage(products.search(text, page, size), page, size, products.countMatching(text));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Product byId(long id) {
        return products.findByIdOptional(id).orElseThrow(() -> Failures.productNotFound(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Product bySku(String sku) {
        return products.findBySku(sku).orElseThrow(() -> Failures.skuNotFound(sku));
    }

    @Transactional
    public Product create(ProductData data) {
        String sku = data.sku().toUpperCase(Locale.ROOT);
        if (products.findBySku(sku).isPresent()) {
            throw Failures.duplicateSku(sku);
        }
        Product product = new Product();
        apply(data, product);
        products.persistAndFlush(product);
        Log.infof("created product %s (id %d)", product.sku, product.id);
        return product;
    }

    @Transactional
    public Product update(long id, ProductData data) {
        Product product = byId(id);
        String sku = data.sku().toUpperCase(Locale.ROOT);
        if (!sku.equals(product.sku) && products.findBySku(sku).isPresent()) {
            throw Failures.duplicateSku(sku);
        }
        apply(data, product);
        try {
            products.flush();
        } catch (OptimisticLockException e) {
            throw Failures.concurrentUpdate(id);
        }
        Log.infof("updated product %s (id %d)", product.sku, product.id);
        return product;
    }

    private static void apply(ProductData data, Product product) {
        product.sku = data.sku().toUpperCase(Locale.ROOT);
        product.name = data.name().strip();
        product.description = data.description() == null ? "" : data.description().strip();
        product.priceAmountMinor = data.priceAmountMinor();
        product.currency = data.currency();
        product.stock = data.stock();
        product.imageUrl = data.imageUrl();
    }
}
