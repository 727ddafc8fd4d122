package dev.shop.systemtests;

import dev.shop.localstack.LocalShop;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Small helpers over the services' JSON APIs (docs/architecture.md), so tests read like the flow. */
public final class Api {

    private Api() {
    }

    public static String url(String service) {
        return RunningShop.shop().service(service).baseUrl();
    }

    /** Creates a product through catalog's admin API and returns its sku. */
    public static String createProduct(String name, long priceMinor, int stock) {
        return createProduct("SYS", name, priceMinor, stock);
    }

    /** Creates a product with a unique sku starting with {@code prefix}, so test runs never collide. */
    public static String createProduct(String prefix, String name, long priceMinor, int stock) {
        String sku = prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        LocalShop shop = RunningShop.shop();
        given().baseUri(url(LocalShop.CATALOG))
                .auth().preemptive().basic(shop.adminUsername(), shop.adminPassword())
                .contentType(ContentType.JSON)
                .body(Map.of("sku", sku, "name", name, "description", name + ", made for a system test.",
                        "price", Map.of("amountMinor", priceMinor, "currency", "EUR"), "stock", stock))
                .post("/api/products")
                .then().statusCode(201);
        return sku;
    }

    public static int stockOf(String sku) {
        return product(sku).path("stock");
    }

    /** A product as catalog's public API shows it (docs/architecture.md). */
    public static Response product(String sku) {
        return given().baseUri(url(LocalShop.CATALOG))
                .get("/api/products/sku/{sku}", sku)
                .then().statusCode(200)
                .extract().response();
    }

    public static Response placeOrder(String customer, String idempotencyKey, String sku, int quantity) {
        return given().baseUri(url(LocalShop.ORDERS))
                .header("X-Customer-Id", customer)
                .header("Idempotency-Key", idempotencyKey)
                .contentType(ContentType.JSON)
                .body(Map.of("lines", List.of(Map.of("sku", sku, "quantity", quantity))))
                .post("/api/orders");
    }
}
