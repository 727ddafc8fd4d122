package dev.shop.catalog;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static dev.shop.catalog.TestData.asAdmin;
import static dev.shop.catalog.TestData.createProduct;
import static dev.shop.catalog.TestData.product;
import static dev.shop.catalog.TestData.uniqueSku;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@CatalogOnPostgres
class ProductResourceTest {

    @Test
    void listsTheSeededCatalogInPages() {
        given().queryParam("size", 5)
                .when().get("/api/products")
                .then().statusCode(200)
                .body("items", hasSize(5))
                .body("page", equalTo(0))
                .body("size", equalTo(5))
                .body("total", greaterThanOrEqualTo(12))
                .body("items.price.currency", everyItem(equalTo("EUR")));
        given().queryParam("page", 1).queryParam("size", 5)
                .when().get("/api/products")
                .then().statusCode(200)
                .body("page", equalTo(1))
                .body("items", hasSize(5));
    }

    @Test
    void searchesInNameAndDescription() {
        given().queryParam("q", "stoneware")
                .when().get("/api/products")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.sku", hasItem("MUG-001"))
                .body("items.sku", hasItem("MUG-002"));
        given().queryParam("q", "100%_")
                .when().get("/api/products")
                .then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void findsAProductBySkuAndById() {
        long id = given().when().get("/api/products/sku/{sku}", "MUG-001")
                .then().statusCode(200)
                .body("sku", equalTo("MUG-001"))
                .body("name", equalTo("Stoneware Mug, Sand"))
                .body("price.amountMinor", equalTo(1400))
                .body("price.currency", equalTo("EUR"))
                .body("imageUrl", equalTo("/images/mug-001.svg"))
                .extract().jsonPath().getLong("id");
        given().when().get("/api/products/{id}", id)
                .then().statusCode(200)
                .body("sku", equalTo("MUG-001"));
        given().when().get("/api/products/sku/{sku}", "mug-001")
                .then().statusCode(200)
                .body("id", equalTo((int) id));
    }

    @Test
    void unknownProductsAreProblems() {
        given().when().get("/api/products/{id}", 999_999)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", equalTo("urn:shop:problem:product-not-found"))
                .body("detail", containsString("999999"));
        given().when().get("/api/products/sku/{sku}", "NOPE-1")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("NOPE-1"));
        given().when().get("/api/products/{id}", "not-a-number")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void badPagingIsABadRequest() {
        given().queryParam("size", 0)
                .when().get("/api/products")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("size"));
        given().queryParam("page", -1)
                .when().get("/api/products")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("page"));
        given().queryParam("size", 1000)
                .when().get("/api/products")
                .then().statusCode(400)
                .body("detail", containsString("size"));
    }

    @Test
    void writesNeedCredentials() {
        given().contentType("application/json").body(product(uniqueSku(), 100, 1))
                .when().post("/api/products")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Basic"));
        given().contentType("application/json").body(product(uniqueSku(), 100, 1))
                .when().put("/api/products/{id}", 1)
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void wrongPasswordIsUnauthorized() {
        given().auth().preemptive().basic(TestData.ADMIN, "not-the-password")
                .contentType("application/json").body(product(uniqueSku(), 100, 1))
                .when().post("/api/products")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void writesNeedTheAdminRole() {
        given().auth().preemptive().basic(TestData.VIEWER, TestData.VIEWER_PASSWORD)
                .contentType("application/json").body(product(uniqueSku(), 100, 1))
                .when().post("/api/products")
                .then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().preemptive().basic(TestData.VIEWER, TestData.VIEWER_PASSWORD)
                .contentType("application/json").body(product(uniqueSku(), 100, 1))
                .when().put("/api/products/{id}", 1)
                .then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void adminCreatesAndUpdatesAProduct() {
        String sku = uniqueSku();
        long id = asAdmin().body(product(sku, 2500, 7))
                .when().post("/api/products")
                .then().statusCode(201)
                .header("Location", containsString("/api/products/"))
                .body("sku", equalTo(sku))
                .body("price.amountMinor", equalTo(2500))
                .body("stock", equalTo(7))
                .extract().jsonPath().getLong("id");

        Map<String, Object> changed = new HashMap<>(product(sku, 2700, 9));
        changed.put("name", "Renamed " + sku);
        asAdmin().body(changed)
                .when().put("/api/products/{id}", id)
                .then().statusCode(200)
                .body("id", equalTo((int) id))
                .body("name", equalTo("Renamed " + sku))
                .body("price.amountMinor", equalTo(2700))
                .body("stock", equalTo(9));
        given().when().get("/api/products/{id}", id)
                .then().statusCode(200)
                .body("name", equalTo("Renamed " + sku));
    }

    @Test
    void aSkuIsUsedOnce() {
        String sku = uniqueSku();
        createProduct(sku, 100, 1);
        asAdmin().body(product(sku, 100, 1))
                .when().post("/api/products")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:shop:problem:duplicate-sku"))
                .body("sku", equalTo(sku));
    }

    @Test
    void updatingAnUnknownProductIsNotFound() {
        asAdmin().body(product(uniqueSku(), 100, 1))
                .when().put("/api/products/{id}", 987_654)
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void invalidProductsAreRejectedWithTheFieldNamed() {
        Map<String, Object> negativePrice = new HashMap<>(product(uniqueSku(), 100, 1));
        negativePrice.put("price", Map.of("amountMinor", -1, "currency", "EUR"));
        asAdmin().body(negativePrice)
                .when().post("/api/products")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("price.amountMinor"));

        Map<String, Object> noName = new HashMap<>(product(uniqueSku(), 100, 1));
        noName.remove("name");
        asAdmin().body(noName)
                .when().post("/api/products")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("name"));

        Map<String, Object> badSku = new HashMap<>(product("bad sku!", 100, 1));
        asAdmin().body(badSku)
                .when().post("/api/products")
                .then().statusCode(400)
                .body("detail", containsString("sku"));

        Map<String, Object> negativeStock = new HashMap<>(product(uniqueSku(), 100, -5));
        asAdmin().body(negativeStock)
                .when().post("/api/products")
                .then().statusCode(400)
                .body("detail", containsString("stock"));
    }

    @Test
    void pagesNeverExceedTheirSize() {
        given().queryParam("size", 3).queryParam("page", 2)
                .when().get("/api/products")
                .then().statusCode(200)
                .body("items.size()", lessThanOrEqualTo(3))
                .body("total", notNullValue());
    }
}
