package dev.shop.orders;

import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

final class TestData {

    private TestData() {
    }

    static String uniqueSku() {
        return "TST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    static String newCustomer() {
        return "customer-" + UUID.randomUUID();
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }

    /** A checkout body with one line per entry, in the order given. */
    static Map<String, Object> cart(Object... skuThenQuantity) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < skuThenQuantity.length; i += 2) {
            lines.add(Map.of("sku", skuThenQuantity[i], "quantity", skuThenQuantity[i + 1]));
        }
        return Map.of("lines", lines);
    }

    static RequestSpecification checkoutAs(String customer, String key) {
        return given().contentType("application/json")
                .header("X-Customer-Id", customer)
                .header("Idempotency-Key", key);
    }
}
