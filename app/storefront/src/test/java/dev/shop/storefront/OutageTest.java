package dev.shop.storefront;

import dev.shop.localstack.DataStores;
import dev.shop.localstack.InjectDataStores;
import dev.shop.storefront.repository.SessionStore;
import dev.shop.storefront.stubs.Downstreams;
import dev.shop.storefront.stubs.InjectDownstreams;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.shop.storefront.Shopper.parse;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** What a shopper sees while catalog, orders or Redis is down, and what readiness says meanwhile. */
@StorefrontWithStubs
class OutageTest {

    @InjectDownstreams
    Downstreams downstreams;

    @InjectDataStores
    DataStores stores;

    @Inject
    RedisDataSource redis;

    @AfterEach
    void bringEverythingBack() {
        stores.redis().start();
        downstreams.reset();
    }

    @Test
    void withCatalogDownPagesAre503WithAFriendlyMessage() {
        Shopper shopper = Shopper.arrive();
        shopper.addToCart("MUG-001", "1").then().statusCode(303);
        downstreams.catalog().stop();

        for (String path : new String[] {"/", "/products/MUG-001", "/cart", "/checkout"}) {
            shopper.get(path)
                    .then().statusCode(503)
                    .contentType(startsWith("text/html"))
                    .header("Retry-After", "30")
                    .body(containsString("product catalogue"), containsString("Your cart is safe"),
                            not(containsString("Exception")), not(containsString("at dev.shop")));
        }
        shopper.addToCart("MUG-001", "1").then().statusCode(503);
        assertThat(redis.hash(String.class).hget(SessionStore.key(shopper.sessionId), "cart:MUG-001")).isEqualTo("1");
    }

    @Test
    void withOrdersDownMyOrdersAndCheckoutAre503AndTheCartIsKept() {
        Shopper shopper = Shopper.arrive();
        shopper.addToCart("MUG-001", "2").then().statusCode(303);
        String key = Shopper.idempotencyKey(shopper.get("/checkout").asString());
        downstreams.orders().stop();

        shopper.get("/orders").then().statusCode(503).body(containsString("our order system"),
                not(containsString("Back to your cart")));
        String page = shopper.post("/checkout", "idempotencyKey", key).then().statusCode(503)
                .body(containsString("it may still go through")).extract().asString();
        assertThat(parse(page).expectFirst("a:contains(Go to your cart)").attr("href")).isEqualTo("/cart");
        assertThat(Shopper.idempotencyKey(page)).as("trying again is the same order").isEqualTo(key);
        assertThat(redis.hash(String.class).hget(SessionStore.key(shopper.sessionId), "cart:MUG-001")).isEqualTo("2");

        downstreams.orders().start();
        shopper.post("/checkout", "idempotencyKey", key).then().statusCode(303);
    }

    @Test
    void readinessFollowsRedisDownAndUpAgainWhileLivenessStaysUp() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/q/health/ready").then().statusCode(200));

        stores.redis().stop();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN")));
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/").then().statusCode(503).body(containsString("your shopping cart"));
        // the cart needs Redis too, so the way back is the shop alone
        given().when().get("/checkout").then().statusCode(503)
                .body(containsString("Back to the shop"), not(containsString("Back to your cart")));

        stores.redis().start();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/").then().statusCode(200));
    }
}
