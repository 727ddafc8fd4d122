package dev.shop.orders;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;


import static dev.shop.orders.TestData.cart;
import static dev.shop.orders.TestData.checkoutAs;
import static dev.shop.orders.TestData.newCustomer;
import static dev.shop.orders.TestData.newKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anything;
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

    /** A cart orders cannot take, and what the problem's detail names (empty: the row does not look at it). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"lines": [{"sku": "MUG-001", "quantity": "one"}]} | lines[0].quantity
            {"lines": [{"sku": "MUG-001", "quantity": 1.5}]}   |
            {"lines": "MUG-001"}                               |
            [1, 2]                                             |
            {"lines": [{"sku": "MUG-001", "quantity": 0}]}     | lines[0].quantity
            {"lines": [{"sku": "MUG-001", "quantity": -2}]}    | quantity
            {}                                                 | lines
            {"lines": []}                                      | lines
            {"lines": [{"quantity": 1}]}                       | sku
            """)
    void aCartOfWrongShapeIsABadRequest(String body, String detail) {
        checkoutAs(newCustomer(), newKey()).body(body)
                .when().post("/api/orders")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", detail == null ? anything() : containsString(detail));
    }

    @Test
    void aMissingBody() {
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
