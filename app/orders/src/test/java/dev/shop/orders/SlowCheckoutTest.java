package dev.shop.orders;

import dev.shop.localstack.DataStoresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
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

/**
 * A checkout that outlives its answer time: the caller hears "in progress" in time, the checkout goes on,
 * and a retry with the key gets the one order it made.
 */
@QuarkusTest
@WithTestResource(value = DataStoresTestResource.class,
        initArgs = @ResourceArg(name = DataStoresTestResource.POSTGRES_DATABASE, value = "orders"))
// answers within 0.3 s, while catalog takes 1 s below, well within an attempt (the 3 s @Timeout; reads wait 5 s here)
@WithTestResource(value = CatalogStubResource.class, initArgs = {
        @ResourceArg(name = CatalogStubResource.ANSWER_WITHIN, value = "PT0.3S"),
        @ResourceArg(name = CatalogStubResource.READ_TIMEOUT, value = "5000")})
class SlowCheckoutTest {

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
        catalog.answerAfter(Duration.ofMillis(1000));
        String customer = newCustomer();
        String key = newKey();

        checkoutAs(customer, key).body(cart(sku, 1))
                .when().post("/api/orders")
                .then().statusCode(409)
                .header("Retry-After", equalTo("1"))
                .body("type", equalTo("urn:shop:problem:checkout-in-progress"));

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (confirmedOrders(customer) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(confirmedOrders(customer)).as("the checkout went on after the answer").isEqualTo(1);
        catalog.answerAfter(Duration.ZERO);
        checkoutAs(customer, key).body(cart(sku, 1))
                .when().post("/api/orders")
                .then().statusCode(200).body("status", equalTo("CONFIRMED"));
        assertThat(catalog.stockOf(sku)).as("stock taken once").isEqualTo(4);
    }

    private static int confirmedOrders(String customer) {
        return given().header("X-Customer-Id", customer).when().get("/api/orders")
                .then().statusCode(200).extract().path("size()");
    }
}
