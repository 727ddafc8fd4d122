package dev.shop.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.shop.catalog.TestData.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Every client mistake is a 4xx application/problem+json, never a 500 or an HTML page. */
@CatalogOnPostgres
class ProblemDetailsTest {

    @Test
    void malformedJsonIsABadRequest() {
        given().contentType("application/json").body("{\"reference\": \"r1\", \"lines\": [")
                .when().post("/api/reservations")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", notNullValue())
                .body("instance", equalTo("/api/reservations"));
    }

    /** Wrong types, and a field catalog does not know (it reads requests strictly). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"reference\": \"r1\", \"lines\": [{\"sku\": \"MUG-001\", \"quantity\": \"two\"}]}",
            "{\"reference\": \"r1\", \"lines\": [{\"sku\": \"MUG-001\", \"quantity\": \"2\"}]}",
            "{\"reference\": \"r1\", \"lines\": [{\"sku\": \"MUG-001\", \"quantity\": 1.5}]}",
            "{\"reference\": \"r1\", \"lines\": {\"sku\": \"MUG-001\"}}",
            "{\"reference\": 17, \"lines\": [{\"sku\": \"MUG-001\", \"quantity\": 1}]}",
            "{\"reference\": \"r1\", \"lines\": [{\"sku\": \"MUG-001\", \"quantiy\": 1}]}"})
    void aReservationOfWrongShapeIsABadRequest(String body) {
        given().contentType("application/json").body(body)
                .when().post("/api/reservations")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aMissingBodyIsABadRequest() {
        given().contentType("application/json")
                .when().post("/api/reservations")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void anOversizedBodyIsTooLarge() {
        String padding = "x".repeat(70 * 1024);
        given().contentType("application/json")
                .body("{\"reference\": \"" + padding + "\", \"lines\": []}")
                .when().post("/api/reservations")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    @Test
    void unknownPathsAreNotFound() {
        given().when().get("/api/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aWrongMethodIsNotAllowed() {
        given().when().delete("/api/products")
                .then().statusCode(405)
                .contentType("application/problem+json");
    }

    @Test
    void aWrongMediaTypeIsUnsupported() {
        asAdmin().contentType("text/plain").body("hello")
                .when().post("/api/products")
                .then().statusCode(415)
                .contentType("application/problem+json");
        given().contentType("application/xml").body("<reservation/>")
                .when().post("/api/reservations")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("title", containsString("Unsupported"));
    }
}
