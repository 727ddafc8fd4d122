package dev.shop.orders;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.shop.orders.TestData.cart;
import static dev.shop.orders.TestData.checkoutAs;
import static dev.shop.orders.TestData.newCustomer;
import static dev.shop.orders.TestData.newKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Every client mistake is a 4xx application/problem+json and reaches neither catalog nor the database. */
@OrdersWithCatalogStub
class BadInputTest {

    @Test
    void malformedJson() {
        checkoutAs(newCustomer(), newKey()).body("{\"lines\": [{\"sku\": \"MUG-001\", ")
                .when().post("/api/orders")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("instance", equalTo("/api/orders"));
    }

    @Test
    void wrongTypes() {
        checkoutAs(newCustomer(), newKey()).body("{\"lines\": [{\"sku\": \"MUG-001\", \"quantity\": \"one\"}]}")
                .when().post("/api/orders")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("lines[0].quantity"));
        checkoutAs(newCustomer(), newKey()).body("{\"lines\": [{\"sku\": \"MUG-001\", \"quantity\": 1.5}]}")
                .when().post("/api/orders")
                .then().statusCode(400)
                .contentType("application/problem+json");
        checkoutAs(newCustomer(), newKey()).body("{\"lines\": \"MUG-001\"}")
                .when().post("/api/orders")
                .then().statusCode(400)
                .contentType("application/problem+json");
        checkoutAs(newCustomer(), newKey()).body("[1, 2]")
                .when().post("/api/orders")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void zeroOrNegativeQuantities() {
        checkoutAs(newCustomer(), newKey()).body(cart("MUG-001", 0))
                .when().post("/api/orders")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("lines[0].quantity"));
        checkoutAs(newCustomer(), newKey()).body(cart("MUG-001", -2))
                .when().post("/api/orders")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("quantity"));
    }

    @Test
    void missingFields() {
        checkoutAs(newCustomer(), newKey()).body(Map.of())
                .when().post("/api/orders")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("lines"));
        checkoutAs(newCustomer(), newKey()).body(Map.of("lines", List.of()))
                .when().post("/api/orders")
                .then().statusCode(400)
                .body("detail", containsString("lines"));
        checkoutAs(newCustomer(), newKey()).body(Map.of("lines", List.of(Map.of("quantity", 1))))
                .when().post("/api/orders")
                .then().statusCode(400)
                .body("detail", containsString("sku"));
        checkoutAs(newCustomer(), newKey())
                .when().post("/api/orders")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void duplicateSkus() {
        checkoutAs(newCustomer(), newKey()).body(cart("MUG-001", 1, "mug-001", 2))
                .when().post("/api/orders")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:shop:problem:duplicate-line"));
    }

    @Test
    void missingHeaders() {
        given().contentType("application/json").header("Idempotency-Key", newKey()).body(cart("MUG-001", 1))
                .when().post("/api/orders")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("customerId"));
        given().contentType("application/json").header("X-Customer-Id", newCustomer()).body(cart("MUG-001", 1))
                .when().post("/api/orders")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("idempotencyKey"));
        given().when().get("/api/orders")
                .then().statusCode(400)
                .contentType("application/problem+json");
        checkoutAs("bad customer id!", newKey()).body(cart("MUG-001", 1))
                .when().post("/api/orders")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void oversizedBody() {
        checkoutAs(newCustomer(), newKey())
                .body("{\"lines\": [{\"sku\": \"" + "A".repeat(70 * 1024) + "\", \"quantity\": 1}]}")
                .when().post("/api/orders")
                .then().statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void unknownPathsMethodsAndMediaTypes() {
        given().when().get("/api/nothing")
                .then().statusCode(404)
                .contentType("application/problem+json");
        given().header("X-Customer-Id", newCustomer()).when().delete("/api/orders")
                .then().statusCode(405)
                .contentType("application/problem+json");
        checkoutAs(newCustomer(), newKey()).contentType("text/plain").body("MUG-001 x1")
                .when().post("/api/orders")
                .then().statusCode(415)
                .contentType("application/problem+json");
    }
}
