package dev.shop.storefront;

import dev.shop.storefront.service.SessionStore;
import dev.shop.storefront.stubs.Downstreams;
import dev.shop.storefront.stubs.InjectDownstreams;
import io.quarkus.redis.datasource.RedisDataSource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

@StorefrontWithStubs
class CartTest {

    private static final String QUANTITY_HINT = "Enter a whole number from 1 to 99.";

    @InjectDownstreams
    Downstreams downstreams;

    @Inject
    RedisDataSource redis;

    @Test
    void addingAnItemRedirectsToTheCartWhichShowsItPricedAndCounted() {
        Shopper shopper = Shopper.arrive();
        shopper.addToCart("MUG-001", "2")
                .then().statusCode(303).header("Location", endsWith("/cart"));
        shopper.get("/cart")
                .then().statusCode(200)
                .body(containsString("Ceramic Mug"), containsString("€12.99"), containsString("€25.98"),
                        containsString("class=\"cart-count\">2<"),
                        containsString("<label for=\"quantity-MUG-001\""));
        shopper.addToCart("MUG-001", "1");
        shopper.get("/").then().body(containsString("class=\"cart-count\">3<"));
    }

    @Test
    void theCartLivesInRedisUnderTheSessionKey() {
        Shopper shopper = Shopper.arrive();
        shopper.addToCart("MUG-001", "2").then().statusCode(303);
        shopper.addToCart("TEE-002", "1").then().statusCode(303);

        String key = "shop:session:" + shopper.sessionId;
        Map<String, String> stored = redis.hash(String.class).hgetall(key);
        assertThat(stored.get("cart:MUG-001")).isEqualTo("2");
        assertThat(stored.get("cart:TEE-002")).isEqualTo("1");
        assertThat(stored.get("csrf")).isEqualTo(shopper.csrf);
        assertThatCode(() -> UUID.fromString(stored.get("customer"))).as("the customer id belongs to the session").doesNotThrowAnyException();
        long ttl = redis.key().ttl(key);
        assertThat(ttl > 0 && ttl <= Duration.ofDays(7).toSeconds()).as("a sliding TTL of at most 7 days: " + ttl).isTrue();
    }

    @Test
    void theSessionTtlSlidesAtMostHourlyNotOnEveryPage() {
        Shopper shopper = Shopper.arrive();
        String key = SessionStore.key(shopper.sessionId);
        long week = Duration.ofDays(7).toSeconds();

        // renewed a minute ago: a page view leaves the TTL alone (no second round trip)
        redis.hash(String.class).hset(key, SessionStore.RENEWED, Long.toString(Instant.now().minusSeconds(60).getEpochSecond()));
        redis.key().expire(key, Duration.ofSeconds(500));
        shopper.get("/cart").then().statusCode(200);
        assertThat(redis.key().ttl(key) <= 500).as("TTL not renewed within the hour").isTrue();

        // renewed two hours ago: the next page view slides it back to a week
        redis.hash(String.class).hset(key, SessionStore.RENEWED, Long.toString(Instant.now().minusSeconds(7200).getEpochSecond()));
        shopper.get("/cart").then().statusCode(200);
        long ttl = redis.key().ttl(key);
        assertThat(ttl > week - 60 && ttl <= week).as("TTL renewed to a week: " + ttl).isTrue();
        long renewed = Long.parseLong(redis.hash(String.class).hget(key, SessionStore.RENEWED));
        assertThat(renewed > Instant.now().minusSeconds(60).getEpochSecond()).as("renewal time recorded").isTrue();
    }

    @Test
    void everyRequestReadsRedisSoAChangeThereShowsAtOnce() {
        Shopper shopper = Shopper.arrive();
        shopper.addToCart("MUG-001", "1").then().statusCode(303);
        shopper.get("/cart").then().body(containsString("class=\"cart-count\">1<"));

        String key = SessionStore.key(shopper.sessionId);
        redis.hash(String.class).hset(key, Map.of("cart:MUG-001", "5", "cart:TEE-002", "2"));

        shopper.get("/cart")
                .then().statusCode(200)
                .body(containsString("class=\"cart-count\">7<"), containsString("value=\"5\""),
                        containsString("Organic Cotton T-Shirt"), containsString("€113.95"));
    }

    @Test
    void changingAQuantityAndRemovingALine() {
        Shopper shopper = Shopper.arrive();
        shopper.addToCart("MUG-001", "1");
        shopper.addToCart("TEE-002", "1");
        String key = SessionStore.key(shopper.sessionId);

        shopper.post("/cart/items/MUG-001", "quantity", "3").then().statusCode(303).header("Location", endsWith("/cart"));
        assertThat(redis.hash(String.class).hget(key, "cart:MUG-001")).isEqualTo("3");

        shopper.post("/cart/items/MUG-001/remove").then().statusCode(303);
        assertThat(redis.hash(String.class).hexists(key, "cart:MUG-001")).isFalse();
        shopper.post("/cart/items/MUG-001/remove").then().statusCode(303);

        shopper.post("/cart/items/TEE-002/remove").then().statusCode(303);
        shopper.get("/cart").then().body(containsString("Your cart is empty"), containsString("class=\"cart-count\">0<"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "abc", "", "1.5", "100", "99999999999"})
    void anInvalidQuantityIs422WithTheProductFormAgain(String quantity) {
        Shopper shopper = Shopper.arrive();
        shopper.addToCart("MUG-001", quantity)
                .then().statusCode(422).contentType(startsWith("text/html"))
                .body(containsString(QUANTITY_HINT), containsString("aria-invalid=\"true\""),
                        containsString("<h1>Ceramic Mug</h1>"));
        assertThat(redis.hash(String.class).hexists(SessionStore.key(shopper.sessionId), "cart:MUG-001")).isFalse();
    }

    @Test
    void aMissingQuantityOrSkuIs422() {
        Shopper shopper = Shopper.arrive();
        shopper.post("/cart/items", "sku", "MUG-001")
                .then().statusCode(422).body(containsString(QUANTITY_HINT));
        shopper.post("/cart/items", "quantity", "1")
                .then().statusCode(422).contentType(startsWith("text/html")).body(containsString("Which product?"));
    }

    @Test
    void anUnknownSkuIs404() {
        Shopper shopper = Shopper.arrive();
        shopper.addToCart("NOPE-999", "1")
                .then().statusCode(404).contentType(startsWith("text/html"))
                .body(containsString("It may have been removed from the shop"));
        shopper.post("/cart/items/NOPE-999", "quantity", "1").then().statusCode(404);
    }

    @Test
    void moreThanTheStockIsRefusedWithTheReason() {
        Shopper shopper = Shopper.arrive();
        shopper.addToCart("LAMP-003", "1")
                .then().statusCode(422).body(containsString("Desk Lamp is out of stock"));
        shopper.addToCart("TEE-002", "4")
                .then().statusCode(422).body(containsString("we only have 3 of Organic Cotton T-Shirt in stock"));
        shopper.addToCart("TEE-002", "2").then().statusCode(303);
        shopper.addToCart("TEE-002", "2")
                .then().statusCode(422).body(containsString("You already have 2 in your cart"));
    }

    @Test
    void theProductCellStaysATableCellWithItsLayoutOnAWrapper() {
        Shopper shopper = Shopper.arrive();
        shopper.addToCart("MUG-001", "1");
        String cart = shopper.get("/cart").then().statusCode(200).extract().asString();
        assertThat(Pattern.compile("<th scope=\"row\" class=\"cart-product-cell\">\\s*<div class=\"cart-product\">")
                .matcher(cart).find()).as("the flex wrapper inside the row header").isTrue();
        given().when().get("/css/shop.css").then()
                .body(containsString(".cart-table .cart-product-cell { grid-column: 1 / -1; }"),
                        not(containsString("th.cart-product")));
    }

    @Test
    void aLineOverTheStockLeftIsFlaggedOnTheCartAndTheProductPage() {
        Shopper shopper = Shopper.arrive();
        shopper.addToCart("TEE-002", "3").then().statusCode(303);
        shopper.addToCart("MUG-001", "1").then().statusCode(303);
        shopper.get("/cart").then().body(not(containsString("stock-warning")), not(containsString("alert-warning")));

        downstreams.catalog().setStock("TEE-002", 1);
        String cart = shopper.get("/cart").then().statusCode(200)
                .body(containsString("We don't have enough stock for some products in your cart any more"),
                        containsString("<p class=\"stock-warning\" id=\"stock-TEE-002\">Only 1 left: change the quantity to 1 or less to order it.</p>"),
                        containsString("aria-describedby=\"stock-TEE-002\""),
                        not(containsString("id=\"stock-MUG-001\"")))
                .extract().asString();
        assertThat(cart.contains("role=\"alert\"")).as("a warning about stock is not an error the shopper made").isFalse();
        shopper.get("/products/TEE-002").then().statusCode(200)
                .body(containsString("You have 3 in your cart, but we only have 1 left."),
                        containsString("<a href=\"/cart\">Change the quantity in your cart</a>"));

        downstreams.catalog().setStock("TEE-002", 0);
        shopper.get("/cart").then()
                .body(containsString("id=\"stock-TEE-002\">Sold out now: please remove it to place your order."));
        shopper.get("/products/TEE-002").then()
                .body(containsString("You have 3 in your cart, but it is sold out now."),
                        containsString("<a href=\"/cart\">Remove it from your cart</a>"));
    }

    @Test
    void aRefusedChangeOnALineOverStockShowsOneMessageForIt() {
        Shopper shopper = Shopper.arrive();
        shopper.addToCart("TEE-002", "2").then().statusCode(303);
        downstreams.catalog().setStock("TEE-002", 1);
        shopper.post("/cart/items/TEE-002", "quantity", "3")
                .then().statusCode(422)
                .body(containsString("we only have 1 of Organic Cotton T-Shirt in stock"),
                        not(containsString("id=\"stock-TEE-002\"")),
                        containsString("aria-describedby=\"error-TEE-002\""));
    }

    @Test
    void theProductPageSaysHowManyAreInTheCartWhenStockCoversThem() {
        Shopper shopper = Shopper.arrive();
        shopper.addToCart("MUG-001", "2").then().statusCode(303);
        shopper.get("/products/MUG-001").then()
                .body(containsString("You have 2 in your <a href=\"/cart\">cart</a>."), not(containsString("alert-warning")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "many", "100"})
    void anInvalidNewQuantityIs422WithTheCartAgain(String quantity) {
        Shopper shopper = Shopper.arrive();
        shopper.addToCart("MUG-001", "2");
        shopper.post("/cart/items/MUG-001", "quantity", quantity)
                .then().statusCode(422)
                .body(containsString("<h1>Your cart</h1>"), containsString(QUANTITY_HINT),
                        containsString("aria-describedby=\"error-MUG-001\""));
        assertThat(redis.hash(String.class).hget(SessionStore.key(shopper.sessionId), "cart:MUG-001")).isEqualTo("2");
    }

    @Test
    void changingALineThatIsNotInTheCartIs404() {
        Shopper shopper = Shopper.arrive();
        shopper.post("/cart/items/MUG-001", "quantity", "2").then().statusCode(404)
                .body(containsString("isn&#39;t in your cart"));
    }

    @Test
    void formsWithoutTheSessionsCsrfTokenAreRefused() {
        Shopper shopper = Shopper.arrive();
        Shopper other = Shopper.arrive();
        String key = SessionStore.key(shopper.sessionId);

        shopper.postRaw("/cart/items", Map.of("sku", "MUG-001", "quantity", "1"))
                .then().statusCode(403).contentType(startsWith("text/html")).body(containsString("Please try that again"));
        shopper.postRaw("/cart/items", Map.of("csrf", "forged", "sku", "MUG-001", "quantity", "1"))
                .then().statusCode(403);
        shopper.postRaw("/cart/items", Map.of("csrf", other.csrf, "sku", "MUG-001", "quantity", "1"))
                .then().statusCode(403);
        assertThat(redis.hash(String.class).hexists(key, "cart:MUG-001")).isFalse();

        shopper.addToCart("MUG-001", "1").then().statusCode(303);
        shopper.postRaw("/cart/items/MUG-001", Map.of("quantity", "5")).then().statusCode(403);
        shopper.postRaw("/cart/items/MUG-001/remove", Map.of()).then().statusCode(403);
        assertThat(redis.hash(String.class).hget(key, "cart:MUG-001")).isEqualTo("1");
    }

    @Test
    void aFormPostedWithoutASessionIsRefusedAndStartsOne() {
        Shopper shopper = Shopper.arrive();
        Response response = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParams(Map.of("csrf", shopper.csrf, "sku", "MUG-001", "quantity", "1"))
                .when().post("/cart/items");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.getCookie(Shopper.COOKIE)).as("a new session to retry with").isNotNull();
    }

    @Test
    void anOversizedBodyIs413WithAPage() {
        Shopper shopper = Shopper.arrive();
        shopper.post("/cart/items", "sku", "MUG-001", "quantity", "1", "padding", "x".repeat(100_000))
                .then().statusCode(413).contentType(startsWith("text/html")).body(containsString("larger than we accept"));
        shopper.request().accept("application/json").contentType(ContentType.URLENC).body("x".repeat(100_000))
                .when().post("/cart/items")
                .then().statusCode(413).contentType(startsWith("application/problem+json"))
                .body("status", org.hamcrest.Matchers.equalTo(413), "instance", org.hamcrest.Matchers.equalTo("/cart/items"));
    }

    @Test
    void aFormFieldOverTheAttributeLimitIsRefused() {
        Shopper shopper = Shopper.arrive();
        int status = shopper.post("/cart/items", "sku", "M".repeat(5_000), "quantity", "1").statusCode();
        assertThat(status >= 400 && status < 500).as("a 4xx, got " + status).isTrue();
    }

    @Test
    void anythingButAFormIs415() {
        Shopper shopper = Shopper.arrive();
        shopper.request().contentType(ContentType.JSON).body("{\"sku\":\"MUG-001\",\"quantity\":1}")
                .when().post("/cart/items")
                .then().statusCode(415).contentType(startsWith("text/html")).body(not(containsString("Exception")));
    }
}
