package dev.shop.orders;

import dev.shop.localstack.DataStoresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.shop.orders.TestData.cart;
import static dev.shop.orders.TestData.checkoutAs;
import static dev.shop.orders.TestData.newCustomer;
import static dev.shop.orders.TestData.newKey;
import static dev.shop.orders.TestData.uniqueSku;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A checkout that outlives its answer time: the caller hears "in progress" in time, the checkout goes on,
 * and a retry with the key gets the one order it made.
 */
@QuarkusTest
@TestProfile(SlowCheckoutTest.ShortAnswerTime.class)
@WithTestResource(value = DataStoresTestResource.class,
        initArgs = @ResourceArg(name = DataStoresTestResource.POSTGRES_DATABASE, value = "orders"))
@WithTestResource(CatalogStubResource.class)
class SlowCheckoutTest {

    /** Shorter than one catalog answer below, and that answer is within the per-attempt timeout. */
    public static class ShortAnswerTime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("orders.checkout.answer-within", "PT0.3S");
        }
    }

    @InjectCatalogStub
    CatalogStub catalog;

    @AfterEach
    void catalogBackToNormal() {
        catalog.answerAfter(Duration.ZERO);
    }

    @Test
    void aCheckoutSlowerThanItsAnswerTimeIsInProgressThenTheOneOrder() throws InterruptedException {
        String sku = uniqueSku();
        catalog.addProduct(sku, "Teapot", 3900, 5);
        catalog.answerAfter(Duration.ofMillis(600));
        String customer = newCustomer();
        String key = newKey();

        checkoutAs(customer, key).body(cart(sku, 1))
                .when().post("/api/orders")
                .then().statusCode(409)
                .header("Retry-After", equalTo("1"))
                .body("type", equalTo("urn:shop:problem:checkout-in-progress"));

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (confirmedOrders(customer) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(1, confirmedOrders(customer), "the checkout went on after the answer");
        catalog.answerAfter(Duration.ZERO);
        checkoutAs(customer, key).body(cart(sku, 1))
                .when().post("/api/orders")
                .then().statusCode(200).body("status", equalTo("CONFIRMED"));
        assertEquals(4, catalog.stockOf(sku), "stock taken once");
    }

    private static int confirmedOrders(String customer) {
        return given().header("X-Customer-Id", customer).when().get("/api/orders")
                .then().statusCode(200).extract().path("size()");
    }
}
