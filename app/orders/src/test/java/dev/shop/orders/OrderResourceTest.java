package dev.shop.orders;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.shop.orders.TestData.cart;
import static dev.shop.orders.TestData.checkoutAs;
import static dev.shop.orders.TestData.newCustomer;
import static dev.shop.orders.TestData.newKey;
import static dev.shop.orders.TestData.uniqueSku;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@OrdersWithCatalogStub
class OrderResourceTest {

    @InjectCatalogStub
    CatalogStub catalog;

    @Test
    void checkoutPlacesAPricedOrder() {
        String mug = uniqueSku();
        String vase = uniqueSku();
        catalog.addProduct(mug, "Mug " + mug, 1299, 10);
        catalog.addProduct(vase, "Vase " + vase, 2200, 10);
        String customer = newCustomer();

        String id = checkoutAs(customer, newKey()).body(cart(mug, 2, vase, 1))
                .when().post("/api/orders")
                .then().statusCode(201)
                .header("Location", containsString("/api/orders/"))
                .body("id", notNullValue())
                .body("status", equalTo("CONFIRMED"))
                .body("lines", hasSize(2))
                .body("lines.find { it.sku == '%s' }.quantity".formatted(mug), equalTo(2))
                .body("lines.find { it.sku == '%s' }.unitPrice.amountMinor".formatted(mug), equalTo(1299))
                .body("lines.find { it.sku == '%s' }.name".formatted(vase), equalTo("Vase " + vase))
                .body("total.amountMinor", equalTo(2 * 1299 + 2200))
                .body("total.currency", equalTo("EUR"))
                .body("createdAt", notNullValue())
                .extract().jsonPath().getString("id");

        assertThat(catalog.stockOf(mug)).isEqualTo(8);
        given().header("X-Customer-Id", customer)
                .when().get("/api/orders/{id}", id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("total.amountMinor", equalTo(4798));
    }

    @Test
    void aShopperSeesOnlyTheirOwnOrdersNewestFirst() {
        String sku = uniqueSku();
        catalog.addProduct(sku, "Candle", 950, 10);
        String alice = newCustomer();
        String bob = newCustomer();
        String first = checkoutAs(alice, newKey()).body(cart(sku, 1))
                .when().post("/api/orders").then().statusCode(201).extract().jsonPath().getString("id");
        String second = checkoutAs(alice, newKey()).body(cart(sku, 2))
                .when().post("/api/orders").then().statusCode(201).extract().jsonPath().getString("id");

        given().header("X-Customer-Id", alice)
                .when().get("/api/orders")
                .then().statusCode(200)
                .body("", hasSize(2))
                .body("[0].id", equalTo(second))
                .body("[1].id", equalTo(first));
        given().header("X-Customer-Id", bob)
                .when().get("/api/orders")
                .then().statusCode(200)
                .body("", hasSize(0));
        given().header("X-Customer-Id", bob)
                .when().get("/api/orders/{id}", first)
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anUnknownOrderIsNotFound() {
        given().header("X-Customer-Id", newCustomer())
                .when().get("/api/orders/{id}", "00000000-0000-0000-0000-000000000000")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:shop:problem:order-not-found"));
        given().header("X-Customer-Id", newCustomer())
                .when().get("/api/orders/{id}", "not-a-uuid")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void oneIdempotencyKeySentFiveTimesMakesOneOrder() {
        String sku = uniqueSku();
        catalog.addProduct(sku, "Tray", 5600, 10);
        String customer = newCustomer();
        String key = newKey();

        String id = checkoutAs(customer, key).body(cart(sku, 3))
                .when().post("/api/orders")
                .then().statusCode(201)
                .extract().jsonPath().getString("id");
        for (int i = 0; i < 4; i++) {
            checkoutAs(customer, key).body(cart(sku, 3))
                    .when().post("/api/orders")
                    .then().statusCode(200)
                    .body("id", equalTo(id));
        }
        assertThat(catalog.reserveCalls(sku)).isEqualTo(1);
        assertThat(catalog.stockOf(sku)).isEqualTo(7);
        given().header("X-Customer-Id", customer).when().get("/api/orders")
                .then().statusCode(200).body("", hasSize(1));
    }

    @Test
    void oneIdempotencyKeySentFiveTimesConcurrentlyMakesOneOrder() throws Exception {
        String sku = uniqueSku();
        catalog.addProduct(sku, "Lamp", 12_900, 10);
        String customer = newCustomer();
        String key = newKey();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<Map.Entry<Integer, String>>> answers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Callable<Map.Entry<Integer, String>> checkout = () -> {
                    start.await();
                    var response = checkoutAs(customer, key).body(cart(sku, 1))
                            .when().post("/api/orders")
                            .then().extract();
                    return Map.entry(response.statusCode(), response.jsonPath().getString("id"));
                };
                answers.add(pool.submit(checkout));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            int created = 0;
            for (Future<Map.Entry<Integer, String>> answer : answers) {
                int status = answer.get().getKey();
                assertThat(status).isIn(200, 201);
                created += status == 201 ? 1 : 0;
                ids.add(answer.get().getValue());
            }
            assertThat(created).isEqualTo(1);
            assertThat(ids.size()).as("every retry got the same order").isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(catalog.reserveCalls(sku)).isEqualTo(1);
        assertThat(catalog.stockOf(sku)).isEqualTo(9);
    }

    @Test
    void theSameKeyWithAnotherCartIsRejected() {
        String sku = uniqueSku();
        catalog.addProduct(sku, "Throw", 8900, 10);
        String customer = newCustomer();
        String key = newKey();
        String orderId = checkoutAs(customer, key).body(cart(sku, 1)).when().post("/api/orders")
                .then().statusCode(201).extract().path("id");
        checkoutAs(customer, key).body(cart(sku, 2))
                .when().post("/api/orders")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:shop:problem:idempotency-key-reused"))
                // a caller that lost the first answer can still show the shopper the order
                .body("orderId", equalTo(orderId));
        assertThat(catalog.reserveCalls(sku)).isEqualTo(1);
    }

    @Test
    void anotherCustomersKeyIsTheirOwn() {
        String sku = uniqueSku();
        catalog.addProduct(sku, "Clock", 6400, 10);
        String key = newKey();
        String first = checkoutAs(newCustomer(), key).body(cart(sku, 1))
                .when().post("/api/orders").then().statusCode(201).extract().jsonPath().getString("id");
        String second = checkoutAs(newCustomer(), key).body(cart(sku, 1))
                .when().post("/api/orders").then().statusCode(201).extract().jsonPath().getString("id");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void shortStockIsAConflictNamingTheSku() {
        String plenty = uniqueSku();
        String scarce = uniqueSku();
        catalog.addProduct(plenty, "Plate", 4800, 10);
        catalog.addProduct(scarce, "Bowl", 3200, 1);
        String customer = newCustomer();
        String key = newKey();
        checkoutAs(customer, key).body(cart(plenty, 1, scarce, 2))
                .when().post("/api/orders")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:shop:problem:insufficient-stock"))
                .body("sku", equalTo(scarce))
                .body("detail", containsString(scarce));
        given().header("X-Customer-Id", customer).when().get("/api/orders")
                .then().statusCode(200).body("", hasSize(0));

        // the failed checkout let go of its key: the shopper can fix the cart's stock problem and retry
        catalog.addProduct(scarce, "Bowl", 3200, 5);
        checkoutAs(customer, key).body(cart(plenty, 1, scarce, 2))
                .when().post("/api/orders")
                .then().statusCode(201);
    }

    @Test
    void anUnknownSkuIsUnprocessableNamingTheSku() {
        String known = uniqueSku();
        catalog.addProduct(known, "Notebook", 1800, 10);
        checkoutAs(newCustomer(), newKey()).body(cart(known, 1, "NOPE-404", 1))
                .when().post("/api/orders")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:shop:problem:unknown-sku"))
                .body("sku", equalTo("NOPE-404"));
        assertThat(catalog.stockOf(known)).isEqualTo(10);
    }
}
