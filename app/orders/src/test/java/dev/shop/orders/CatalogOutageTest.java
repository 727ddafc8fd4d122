package dev.shop.orders;

import dev.shop.orders.client.CatalogGateway;
import dev.shop.orders.service.OrderStore;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.shop.orders.TestData.cart;
import static dev.shop.orders.TestData.checkoutAs;
import static dev.shop.orders.TestData.newCustomer;
import static dev.shop.orders.TestData.newKey;
import static dev.shop.orders.TestData.uniqueSku;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@OrdersWithCatalogStub
class CatalogOutageTest {

    @InjectCatalogStub
    CatalogStub catalog;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    OrderStore store;

    @AfterEach
    void catalogBackToNormal() {
        catalog.answerAfter(Duration.ZERO);
        catalog.start();
        breakers.resetAll();
    }

    @Test
    void anUnreachableCatalogIsServiceUnavailable() throws InterruptedException {
        String sku = uniqueSku();
        catalog.addProduct(sku, "Vase", 2200, 5);
        String customer = newCustomer();
        String key = newKey();
        catalog.stop();

        checkoutAs(customer, key).body(cart(sku, 1))
                .when().post("/api/orders")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("5"))
                .body("type", equalTo("urn:shop:problem:catalog-unavailable"));
        given().header("X-Customer-Id", customer).when().get("/api/orders")
                .then().statusCode(200).body("", hasSize(0));
        assertThat(store.owedReleases(100)).as("catalog is owed the release of what it may have reserved").isNotEmpty();

        // once catalog is back, the owed release is made and the shopper's retry with the same key places the order
        catalog.start();
        breakers.resetAll();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!store.owedReleases(100).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(store.owedReleases(100)).as("no release is owed once catalog is back").isEmpty();
        checkoutAs(customer, key).body(cart(sku, 1))
                .when().post("/api/orders")
                .then().statusCode(201)
                .body("status", equalTo("CONFIRMED"));
        assertThat(catalog.stockOf(sku)).isEqualTo(4);
    }

    @Test
    void aCatalogTooSlowToAnswerIsServiceUnavailable() {
        String sku = uniqueSku();
        catalog.addProduct(sku, "Mug", 1400, 5);
        catalog.answerAfter(Duration.ofMillis(1500));
        checkoutAs(newCustomer(), newKey()).body(cart(sku, 1))
                .when().post("/api/orders")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:shop:problem:catalog-unavailable"));
    }

    @Test
    void repeatedOutagesOpenTheCircuitBreaker() {
        String sku = uniqueSku();
        catalog.addProduct(sku, "Lamp", 12_900, 5);
        catalog.stop();
        for (int i = 0; i < 4; i++) {
            checkoutAs(newCustomer(), newKey()).body(cart(sku, 1))
                    .when().post("/api/orders")
                    .then().statusCode(503)
                    .contentType("application/problem+json");
        }
        assertThat(breakers.currentState(CatalogGateway.RESERVE_BREAKER)).isEqualTo(CircuitBreakerState.OPEN);

        // while open, catalog is not even asked: a 503 although it is back
        catalog.start();
        checkoutAs(newCustomer(), newKey()).body(cart(sku, 1))
                .when().post("/api/orders")
                .then().statusCode(503);
        assertThat(catalog.reserveCalls(sku)).isEqualTo(0);
    }
}
