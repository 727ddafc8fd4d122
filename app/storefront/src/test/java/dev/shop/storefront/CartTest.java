package dev.shop.storefront;

import dev.shop.storefront.repository.SessionStore;
import dev.shop.storefront.stubs.Downstreams;
import dev.shop.storefront.stubs.InjectDownstreams;
import io.quarkus.redis.datasource.RedisDataSource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static dev.shop.storefront.Shopper.cartCount;
import static dev.shop.storefront.Shopper.parse;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

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
        Document cart = parse(shopper.get("/cart").then().statusCode(200).extract().response());
        assertThat(cart.body().text()).contains("Ceramic Mug", "€12.99", "€25.98");
        assertThat(cartCount(cart)).isEqualTo("2");
        assertThat(cart.select("label[for=\"quantity-MUG-001\"]")).as("the quantity box is labelled").isNotEmpty();
        shopper.addToCart("MUG-001", "1");
        assertThat(cartCount(parse(shopper.get("/")))).isEqualTo("3");
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
        assertThat(ttl).as("a sliding TTL of at most 7 days").isBetween(1L, Duration.ofDays(7).toSeconds());
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
        assertThat(redis.key().ttl(key)).as("TTL not renewed within the hour").isLessThanOrEqualTo(500);

        // renewed two hours ago: the next page view slides it back to a week
        redis.hash(String.class).hset(key, SessionStore.RENEWED, Long.toString(Instant.now().minusSeconds(7200).getEpochSecond()));
        shopper.get("/cart").then().statusCode(200);
        long ttl = redis.key().ttl(key);
        assertThat(ttl).as("TTL renewed to a week").isBetween(week - 59, week);
        long renewed = Long.parseLong(redis.hash(String.class).hget(key, SessionStore.RENEWED));
        assertThat(renewed).as("renewal time recorded").isGreaterThan(Instant.now().minusSeconds(60).getEpochSecond());
    }

    @Test
    void everyRequestReadsRedisSoAChangeThereShowsAtOnce() {
        Shopper shopper = Shopper.arrive();
        shopper.addToCart("MUG-001", "1").then().statusCode(303);
        assertThat(cartCount(parse(shopper.get("/cart")))).isEqualTo("1");

        String key = SessionStore.key(shopper.sessionId);
        redis.hash(String.class).hset(key, Map.of("cart:MUG-001", "5", "cart:TEE-002", "2"));

        Document cart = parse(shopper.get("/cart").then().statusCode(200).extract().response());
        assertThat(cartCount(cart)).isEqualTo("7");
        assertThat(cart.expectFirst("#quantity-MUG-001").val()).isEqualTo("5");
        assertThat(cart.body().text()).contains("Organic Cotton T-Shirt", "€113.95");
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
        Document cart = parse(shopper.get("/cart"));
        assertThat(cart.body().text()).contains("Your cart is empty");
        assertThat(cartCount(cart)).isEqualTo("0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "abc", "", "1.5", "100", "99999999999"})
    void anInvalidQuantityIs422WithTheProductFormAgain(String quantity) {
        Shopper shopper = Shopper.arrive();
        Document page = parse(shopper.addToCart("MUG-001", quantity)
                .then().statusCode(422).contentType(startsWith("text/html")).extract().response());
        assertThat(page.body().text()).contains(QUANTITY_HINT);
        assertThat(page.select("[aria-invalid=\"true\"]")).as("the quantity is marked invalid").isNotEmpty();
        assertThat(page.expectFirst("h1").text()).isEqualTo("Ceramic Mug");
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
        Document cart = parse(shopper.get("/cart").then().statusCode(200).extract().response());
        Element cell = cart.expectFirst(".cart-product-cell");
        assertThat(cell.tagName()).isEqualTo("th");
        assertThat(cell.attr("scope")).isEqualTo("row");
        assertThat(cell.child(0).hasClass("cart-product")).as("the flex wrapper inside the row header").isTrue();
        given().when().get("/css/shop.css").then()
                .body(containsString(".cart-table .cart-product-cell { grid-column: 1 / -1; }"),
                        not(containsString("th.cart-product")));
    }

    @Test
    void aLineOverTheStockLeftIsFlaggedOnTheCartAndTheProductPage() {
        Shopper shopper = Shopper.arrive();
        shopper.addToCart("TEE-002", "3").then().statusCode(303);
        shopper.addToCart("MUG-001", "1").then().statusCode(303);
        Document fits = parse(shopper.get("/cart"));
        assertThat(fits.select(".stock-warning, .alert-warning")).isEmpty();

        downstreams.catalog().setStock("TEE-002", 1);
        Document cart = parse(shopper.get("/cart").then().statusCode(200).extract().response());
        assertThat(cart.body().text()).contains("We don't have enough stock for some products in your cart any more");
        Element warning = cart.expectFirst("#stock-TEE-002");
        assertThat(warning.hasClass("stock-warning")).isTrue();
        assertThat(warning.text()).isEqualTo("Only 1 left: change the quantity to 1 or less to order it.");
        assertThat(cart.select("[aria-describedby=\"stock-TEE-002\"]")).as("the quantity box points at the warning").isNotEmpty();
        assertThat(cart.select("#stock-MUG-001")).isEmpty();
        assertThat(cart.select("[role=alert]")).as("a warning about stock is not an error the shopper made").isEmpty();
        Document product = parse(shopper.get("/products/TEE-002").then().statusCode(200).extract().response());
        assertThat(product.body().text()).contains("You have 3 in your cart, but we only have 1 left.");
        assertThat(product.expectFirst("a:contains(Change the quantity in your cart)").attr("href")).isEqualTo("/cart");

        downstreams.catalog().setStock("TEE-002", 0);
        assertThat(parse(shopper.get("/cart")).expectFirst("#stock-TEE-002").text())
                .isEqualTo("Sold out now: please remove it to place your order.");
        Document soldOut = parse(shopper.get("/products/TEE-002"));
        assertThat(soldOut.body().text()).contains("You have 3 in your cart, but it is sold out now.");
        assertThat(soldOut.expectFirst("a:contains(Remove it from your cart)").attr("href")).isEqualTo("/cart");
    }

    @Test
    void aRefusedChangeOnALineOverStockShowsOneMessageForIt() {
        Shopper shopper = Shopper.arrive();
        shopper.addToCart("TEE-002", "2").then().statusCode(303);
        downstreams.catalog().setStock("TEE-002", 1);
        Document cart = parse(shopper.post("/cart/items/TEE-002", "quantity", "3")
                .then().statusCode(422).extract().response());
        assertThat(cart.body().text()).contains("we only have 1 of Organic Cotton T-Shirt in stock");
        assertThat(cart.select("#stock-TEE-002")).isEmpty();
        assertThat(cart.select("[aria-describedby=\"error-TEE-002\"]")).isNotEmpty();
    }

    @Test
    void theProductPageSaysHowManyAreInTheCartWhenStockCoversThem() {
        Shopper shopper = Shopper.arrive();
        shopper.addToCart("MUG-001", "2").then().statusCode(303);
        Document product = parse(shopper.get("/products/MUG-001"));
        assertThat(product.body().text()).contains("You have 2 in your cart.");
        assertThat(product.select("#main a[href=\"/cart\"]")).as("the cart is linked from the message").isNotEmpty();
        assertThat(product.select(".alert-warning")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "many", "100"})
    void anInvalidNewQuantityIs422WithTheCartAgain(String quantity) {
        Shopper shopper = Shopper.arrive();
        shopper.addToCart("MUG-001", "2");
        Document cart = parse(shopper.post("/cart/items/MUG-001", "quantity", quantity)
                .then().statusCode(422).extract().response());
        assertThat(cart.expectFirst("h1").text()).isEqualTo("Your cart");
        assertThat(cart.body().text()).contains(QUANTITY_HINT);
        assertThat(cart.select("[aria-describedby=\"error-MUG-001\"]")).isNotEmpty();
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
        assertThat(status).as("a 4xx").isBetween(400, 499);
    }

    @Test
    void anythingButAFormIs415() {
        Shopper shopper = Shopper.arrive();
        shopper.request().contentType(ContentType.JSON).body("{\"sku\":\"MUG-001\",\"quantity\":1}")
                .when().post("/cart/items")
                .then().statusCode(415).contentType(startsWith("text/html")).body(not(containsString("Exception")));
    }
}
