package dev.shop.catalog;

import io.restassured.specification.RequestSpecification;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Credentials from the %test profile and small builders, so each test creates its own products. */
final class TestData {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "test-admin-password";
    static final String VIEWER = "viewer";
    static final String VIEWER_PASSWORD = "test-viewer-password";

    private TestData() {
    }

    static RequestSpecification asAdmin() {
        return given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).contentType("application/json");
    }

    /** A sku no other test uses, so tests do not depend on each other's stock. */
    static String uniqueSku() {
        return "TST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    static Map<String, Object> product(String sku, long priceMinor, int stock) {
        return Map.of(
                "sku", sku,
                "name", "Test product " + sku,
                "description", "made by a test",
                "price", Map.of("amountMinor", priceMinor, "currency", "EUR"),
                "stock", stock,
                "imageUrl", "/images/" + sku.toLowerCase(Locale.ROOT) + ".svg");
    }

    /** Creates a product through the admin API and returns its id. */
    static long createProduct(String sku, long priceMinor, int stock) {
        return asAdmin().body(product(sku, priceMinor, stock))
                .when().post("/api/products")
                .then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    static int stockOf(String sku) {
        return given().when().get("/api/products/sku/{sku}", sku)
                .then().statusCode(200)
                .extract().jsonPath().getInt("stock");
    }
}
