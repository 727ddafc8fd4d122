package dev.shop.storefront.stubs;

import com.sun.net.httpserver.HttpExchange;
import dev.shop.localstack.ContractStub;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** catalog's read API as docs/architecture.md describes it, over an in-memory product list. */
public class CatalogStub extends ContractStub {

    /** A product as catalog serves it; stock changes when the orders stub reserves it. */
    public static final class StubProduct {
        final long id;
        final String sku;
        final String name;
        final long priceMinor;
        int stock;

        StubProduct(long id, String sku, String name, long priceMinor, int stock) {
            this.id = id;
            this.sku = sku;
            this.name = name;
            this.priceMinor = priceMinor;
            this.stock = stock;
        }

        public synchronized int stock() {
            return stock;
        }

        Map<String, Object> json() {
            Map<String, Object> product = new LinkedHashMap<>();
            product.put("id", id);
            product.put("sku", sku);
            product.put("name", name);
            product.put("description", "A fine " + name.toLowerCase(Locale.ROOT) + ".");
            product.put("price", Map.of("amountMinor", priceMinor, "currency", "EUR"));
            product.put("stock", stock);
            product.put("imageUrl", "/images/" + sku.toLowerCase(Locale.ROOT) + ".svg");
            return product;
        }
    }

    private final Map<String, StubProduct> products = new LinkedHashMap<>();

    public CatalogStub(int port) {
        super(port, "catalog");
        reset();
    }

    /** Three named products for the assertions, plus filler so the list has two pages. */
    @Override
    public synchronized void reset() {
        super.reset();
        products.clear();
        add(new StubProduct(1, "MUG-001", "Ceramic Mug", 1299, 25));
        add(new StubProduct(2, "TEE-002", "Organic Cotton T-Shirt", 2450, 3));
        add(new StubProduct(3, "LAMP-003", "Desk Lamp", 4999, 0));
        for (int i = 4; i <= 14; i++) {
            add(new StubProduct(i, String.format(Locale.ROOT, "NOTE-%03d", i), "Notebook No. " + i, 350 + i, 50));
        }
    }

    private void add(StubProduct product) {
        products.put(product.sku, product);
    }

    public synchronized StubProduct product(String sku) {
        return products.get(sku);
    }

    /** The product stops being sold: catalog answers 404 for it. */
    public synchronized void remove(String sku) {
        products.remove(sku);
    }

    public synchronized void setStock(String sku, int stock) {
        products.get(sku).stock = stock;
    }

    @Override
    protected synchronized void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!"GET".equals(exchange.getRequestMethod())) {
            sendProblem(exchange, 405, null, "Method Not Allowed");
        } else if (path.equals("/api/products")) {
            list(exchange);
        } else if (path.startsWith("/api/products/sku/")) {
            StubProduct product = products.get(path.substring("/api/products/sku/".length()));
            if (product == null) {
                sendProblem(exchange, 404, null, "Not Found");
            } else {
                sendJson(exchange, 200, product.json());
            }
        } else {
            sendProblem(exchange, 404, null, "Not Found");
        }
    }

    private void list(HttpExchange exchange) throws IOException {
        Map<String, String> params = query(exchange.getRequestURI());
        int page = Integer.parseInt(params.getOrDefault("page", "0"));
        int size = Integer.parseInt(params.getOrDefault("size", "20"));
        String text = params.getOrDefault("q", "").toLowerCase(Locale.ROOT);
        List<Map<String, Object>> matching = new ArrayList<>();
        for (StubProduct product : products.values()) {
            if (product.name.toLowerCase(Locale.ROOT).contains(text)) {
                matching.add(product.json());
            }
        }
        int from = Math.min(page * size, matching.size());
        int to = Math.min(from + size, matching.size());
        sendJson(exchange, 200, Map.of("items", matching.subList(from, to), "page", page, "size", size,
                "total", matching.size()));
    }
}
