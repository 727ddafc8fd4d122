package dev.shop.storefront;

import dev.shop.storefront.repository.SessionStore;
import dev.shop.storefront.stubs.Downstreams;
import dev.shop.storefront.stubs.InjectDownstreams;
import dev.shop.storefront.stubs.OrdersStub;
import io.quarkus.redis.datasource.RedisDataSource;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.shop.storefront.Shopper.cartCount;
import static dev.shop.storefront.Shopper.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

@StorefrontWithStubs
class CheckoutTest {

    private static final Pattern CONFIRMATION = Pattern.compile("/orders/([0-9a-f-]{36})\\?placed=true$");

    @InjectDownstreams
    Downstreams downstreams;

    @Inject
    RedisDataSource redis;

    @Test
    void checkoutShowsTheOrderSummaryAndAFreshIdempotencyKey() {
        Shopper shopper = shopperWith("MUG-001", "2");
        String first = shopper.get("/checkout").then().statusCode(200)
                .body(containsString("Order summary"), containsString("Ceramic Mug"), containsString("€25.98"),
                        containsString("Place order"))
                .extract().asString();
        String key = Shopper.idempotencyKey(first);
        assertThat(UUID.fromString(key).toString()).isEqualTo(key);
        assertThat(Shopper.idempotencyKey(shopper.get("/checkout").asString())).as("a key per checkout page").isNotEqualTo(key);
    }

    @Test
    void placingAnOrderShowsItsConfirmationAndEmptiesTheCart() {
        Shopper shopper = shopperWith("MUG-001", "2");
        String key = Shopper.idempotencyKey(shopper.get("/checkout").asString());

        Response placed = shopper.post("/checkout", "idempotencyKey", key);
        assertThat(placed.statusCode()).isEqualTo(303);
        String orderId = orderId(placed);

        OrdersStub.Received sent = downstreams.orders().received().get(0);
        assertThat(sent.idempotencyKey()).isEqualTo(key);
        String customer = redis.hash(String.class).hget(SessionStore.key(shopper.sessionId), "customer");
        assertThat(sent.customerId()).as("the session's customer id goes to orders").isEqualTo(customer);
        assertThat(sent.body().path("lines").get(0).path("sku").asText()).isEqualTo("MUG-001");
        assertThat(sent.body().path("lines").get(0).path("quantity").asInt()).isEqualTo(2);

        String reference = orderId.substring(0, 8).toUpperCase(Locale.ROOT);
        String confirmation = shopper.get(placed.getHeader("Location")).then().statusCode(200).extract().asString();
        Document page = parse(confirmation);
        assertThat(page.body().text()).contains("Thank you for your order", "Your order " + reference + " is confirmed",
                "Ceramic Mug", "€25.98", "Confirmed");
        assertThat(page.expectFirst("dd.order-reference").text()).isEqualTo(reference);
        assertThat(confirmation).as("the internal id stays out of the page").doesNotContain(orderId);
        assertThat(cartCount(page)).isEqualTo("0");
        assertThat(redis.hash(String.class).hexists(SessionStore.key(shopper.sessionId), "cart:MUG-001")).isFalse();
    }

    @Test
    void submittingTheSameCheckoutTwiceMakesOneOrder() {
        Shopper shopper = shopperWith("TEE-002", "1");
        String key = Shopper.idempotencyKey(shopper.get("/checkout").asString());

        String first = shopper.post("/checkout", "idempotencyKey", key).then().statusCode(303).extract().header("Location");
        String second = shopper.post("/checkout", "idempotencyKey", key).then().statusCode(303).extract().header("Location");

        assertThat(second).isEqualTo(first);
        assertThat(downstreams.orders().ordersCreated()).isEqualTo(1);
    }

    @Test
    void twoSimultaneousSubmitsOfOneCheckoutMakeOneOrder() {
        Shopper shopper = shopperWith("MUG-001", "1");
        String key = Shopper.idempotencyKey(shopper.get("/checkout").asString());

        List<CompletableFuture<Response>> submits = List.of(
                CompletableFuture.supplyAsync(() -> shopper.post("/checkout", "idempotencyKey", key)),
                CompletableFuture.supplyAsync(() -> shopper.post("/checkout", "idempotencyKey", key)));
        List<Response> responses = submits.stream().map(CompletableFuture::join).toList();

        assertThat(responses.get(0).statusCode()).isEqualTo(303);
        assertThat(responses.get(1).statusCode()).isEqualTo(303);
        assertThat(orderId(responses.get(1))).isEqualTo(orderId(responses.get(0)));
        assertThat(downstreams.orders().ordersCreated()).isEqualTo(1);
        assertThat(downstreams.catalog().product("MUG-001").stock()).as("stock reserved once").isEqualTo(24);
    }

    @Test
    void myOrdersListsTheShoppersOrdersOnly() {
        Shopper shopper = shopperWith("MUG-001", "1");
        String firstOrder = placeOrder(shopper);
        shopper.addToCart("TEE-002", "2");
        String secondOrder = placeOrder(shopper);

        String html = shopper.get("/orders").then().statusCode(200).extract().asString();
        Document page = parse(html);
        assertThat(page.expectFirst("h1").text()).isEqualTo("My orders");
        assertThat(page.body().text()).contains("€12.99", "€49.00");
        assertThat(html.indexOf(secondOrder)).as("newest first").isLessThan(html.indexOf(firstOrder));

        Shopper stranger = Shopper.arrive();
        stranger.get("/orders").then().statusCode(200)
                .body(containsString("any orders yet"), not(containsString(firstOrder)));
        stranger.get("/orders/" + firstOrder).then().statusCode(404)
                .body(containsString("Only orders placed from this browser are shown here."));
    }

    @Test
    void anOrderIdThatIsNotAnIdIs404() {
        Shopper.arrive().get("/orders/not-an-order").then().statusCode(404);
        assertThat(downstreams.orders().received().size()).isEqualTo(0);
    }

    @Test
    void anEmptyCartHasNoCheckout() {
        Shopper shopper = Shopper.arrive();
        shopper.get("/checkout").then().statusCode(303).header("Location", endsWith("/cart"));
        shopper.post("/checkout", "idempotencyKey", UUID.randomUUID().toString())
                .then().statusCode(422).body(containsString("Your cart is empty"));
        assertThat(downstreams.orders().received().size()).isEqualTo(0);
    }

    @Test
    void aMissingOrMalformedKeyShowsTheCheckoutAgainWithANewKey() {
        Shopper shopper = shopperWith("MUG-001", "1");
        String page = shopper.post("/checkout").then().statusCode(422)
                .body(containsString("Order summary"), containsString("couldn&#39;t read your checkout form"))
                .extract().asString();
        UUID.fromString(Shopper.idempotencyKey(page));
        shopper.post("/checkout", "idempotencyKey", "1; DROP TABLE").then().statusCode(422);
        assertThat(downstreams.orders().received().size()).isEqualTo(0);
    }

    @Test
    void aCheckoutWithoutTheCsrfTokenOrdersNothing() {
        Shopper shopper = shopperWith("MUG-001", "1");
        String key = Shopper.idempotencyKey(shopper.get("/checkout").asString());
        shopper.postRaw("/checkout", Map.of("idempotencyKey", key)).then().statusCode(403);
        assertThat(downstreams.orders().received().size()).isEqualTo(0);
    }

    @Test
    void stockThatRanOutBeforeCheckoutIs409WithTheReason() {
        Shopper shopper = shopperWith("TEE-002", "2");
        String key = Shopper.idempotencyKey(shopper.get("/checkout").asString());
        downstreams.catalog().setStock("TEE-002", 1);

        Document page = parse(shopper.post("/checkout", "idempotencyKey", key).then().statusCode(409).extract().response());
        assertThat(page.body().text()).contains("we don't have enough stock for your order");
        assertThat(shortages(page)).containsExactly("Organic Cotton T-Shirt: only 1 left, your cart has 2");
        assertThat(page.expectFirst("a:contains(Change the quantities in your cart)").attr("href")).isEqualTo("/cart");
        assertThat(page.select("[role=alert]")).as("one message, read out once").hasSize(1);
        assertThat(downstreams.orders().ordersCreated()).isEqualTo(0);
        assertThat(redis.hash(String.class).hget(SessionStore.key(shopper.sessionId), "cart:TEE-002")).as("the cart is kept so the shopper can fix it").isEqualTo("2");
    }

    @Test
    void everyShortLineIsNamedWithWhatIsLeftEvenThoughOrdersNamesOne() {
        Shopper shopper = shopperWith("TEE-002", "3");
        shopper.addToCart("MUG-001", "5");
        shopper.addToCart("NOTE-004", "1");
        String key = Shopper.idempotencyKey(shopper.get("/checkout").asString());
        downstreams.catalog().setStock("TEE-002", 0);
        downstreams.catalog().setStock("MUG-001", 2);

        Document page = parse(shopper.post("/checkout", "idempotencyKey", key).then().statusCode(409).extract().response());
        assertThat(shortages(page)).containsExactlyInAnyOrder(
                "Organic Cotton T-Shirt: sold out, your cart has 3", "Ceramic Mug: only 2 left, your cart has 5");
    }

    @Test
    void stockThatCameBackBeforeThePageIsShownStillNamesTheProductOrdersRefused() {
        Shopper shopper = shopperWith("TEE-002", "1");
        String key = Shopper.idempotencyKey(shopper.get("/checkout").asString());
        downstreams.orders().refuseNextForStock("TEE-002");

        Document page = parse(shopper.post("/checkout", "idempotencyKey", key).then().statusCode(409).extract().response());
        assertThat(page.body().text()).contains("Organic Cotton T-Shirt ran short while you were ordering");
        assertThat(page.select("#main a[href=\"/cart\"]")).isNotEmpty();
        assertThat(page.select(".shortages")).isEmpty();
    }

    @Test
    void theCheckoutPageWarnsAboutLinesOverStockBeforeTheShopperOrders() {
        Shopper shopper = shopperWith("TEE-002", "3");
        downstreams.catalog().setStock("TEE-002", 1);

        Document page = parse(shopper.get("/checkout").then().statusCode(200).extract().response());
        assertThat(page.body().text()).contains("Before you order: we don't have enough stock", "Place order");
        assertThat(shortages(page)).containsExactly("Organic Cotton T-Shirt: only 1 left, your cart has 3");
        assertThat(page.select("[role=alert]")).as("a warning, not an error the shopper made").isEmpty();
    }

    @Test
    void aKeyThatPlacedAnOrderBeforeTheCartChangedShowsThatOrderAndKeepsTheCart() {
        Shopper shopper = shopperWith("MUG-001", "1");
        String key = Shopper.idempotencyKey(shopper.get("/checkout").asString());
        String orderId = placeWith(shopper, key);
        // As if the first answer had been lost: the session does not know the order, the shopper changed the cart.
        redis.hash(String.class).hdel(SessionStore.key(shopper.sessionId), "checkout:" + key);
        shopper.addToCart("TEE-002", "1");

        assertThat(placeWith(shopper, key)).as("orders names the order the key placed").isEqualTo(orderId);
        assertThat(downstreams.orders().ordersCreated()).isEqualTo(1);
        assertThat(redis.hash(String.class).hget(SessionStore.key(shopper.sessionId), "cart:TEE-002")).as("the cart as changed since is kept for a next order").isEqualTo("1");
    }

    @Test
    void aKeyReusedWithoutAnOrderToShowIsReviewedAgainWithANewKey() {
        Shopper shopper = shopperWith("MUG-001", "1");
        String key = Shopper.idempotencyKey(shopper.get("/checkout").asString());
        downstreams.orders().refuseNextAsKeyReused();
        String page = shopper.post("/checkout", "idempotencyKey", key)
                .then().statusCode(409).body(containsString("Your cart changed")).extract().asString();
        assertThat(Shopper.idempotencyKey(page)).isNotEqualTo(key);
    }

    @Test
    void whileTheOutcomeIsUnknownEveryCheckoutPageCarriesTheSameKeyUntilTheOrderIsKnown() {
        Shopper shopper = shopperWith("MUG-001", "1");
        String key = Shopper.idempotencyKey(shopper.get("/checkout").asString());
        downstreams.orders().stop();
        try {
            String page = shopper.post("/checkout", "idempotencyKey", key)
                    .then().statusCode(503).header("Retry-After", "5")
                    .body(containsString("it may still go through")).extract().asString();
            assertThat(Shopper.idempotencyKey(page)).as("the page's button tries the same order again").isEqualTo(key);
            assertThat(Shopper.idempotencyKey(shopper.get("/checkout").asString())).as("coming back to checkout later keeps the key too").isEqualTo(key);
        } finally {
            downstreams.orders().start();
        }
        placeWith(shopper, key);
        assertThat(downstreams.orders().ordersCreated()).isEqualTo(1);
        shopper.addToCart("MUG-001", "1");
        assertThat(Shopper.idempotencyKey(shopper.get("/checkout").asString())).as("once the order is known placed, the next checkout is a new one").isNotEqualTo(key);
    }

    @Test
    void anInProgressAnswerIsNeverReadAsOutOfStock() {
        Shopper shopper = shopperWith("MUG-001", "1");
        String key = Shopper.idempotencyKey(shopper.get("/checkout").asString());
        String orderId = placeWith(shopper, key);
        // As if this submit had raced the first one: the session does not know the order yet, orders is busy.
        redis.hash(String.class).hdel(SessionStore.key(shopper.sessionId), "checkout:" + key);
        shopper.addToCart("MUG-001", "1");
        downstreams.orders().answerInProgress(10);

        String page = shopper.post("/checkout", "idempotencyKey", key)
                .then().statusCode(503).body(containsString("it may still go through"),
                        not(containsString("enough stock")), not(containsString("ran short")))
                .extract().asString();
        assertThat(Shopper.idempotencyKey(page)).isEqualTo(key);
        assertThat(downstreams.orders().received().size()).as("one call per press: orders itself waits for the first").isEqualTo(2);
        downstreams.orders().answerInProgress(0);
        assertThat(placeWith(shopper, key)).isEqualTo(orderId);
    }

    @Test
    void anAnswerWithoutAProblemTypeIsNoRefusal() {
        Shopper shopper = shopperWith("MUG-001", "1");
        String key = Shopper.idempotencyKey(shopper.get("/checkout").asString());
        downstreams.orders().answerNextWith(404);
        shopper.post("/checkout", "idempotencyKey", key)
                .then().statusCode(503).body(containsString("it may still go through"),
                        not(containsString("no longer sold")));
        assertThat(Shopper.idempotencyKey(shopper.get("/checkout").asString())).isEqualTo(key);
    }

    @Test
    void aProductNoLongerSoldIsExplainedAtCheckout() {
        Shopper shopper = shopperWith("TEE-002", "1");
        shopper.addToCart("MUG-001", "1");
        String key = Shopper.idempotencyKey(shopper.get("/checkout").asString());
        downstreams.catalog().remove("TEE-002");

        Document page = parse(shopper.post("/checkout", "idempotencyKey", key).then().statusCode(409).extract().response());
        assertThat(page.body().text()).contains("(product code TEE-002) is no longer sold");
        assertThat(page.expectFirst("a:contains(Go to your cart)").attr("href")).isEqualTo("/cart");
        assertThat(downstreams.orders().ordersCreated()).isEqualTo(0);
    }

    /** The lines the page names as short of stock, as the shopper reads them. */
    private static List<String> shortages(Document page) {
        return page.select(".shortages li").eachText();
    }

    private static Shopper shopperWith(String sku, String quantity) {
        Shopper shopper = Shopper.arrive();
        shopper.addToCart(sku, quantity).then().statusCode(303);
        return shopper;
    }

    private static String placeOrder(Shopper shopper) {
        return placeWith(shopper, Shopper.idempotencyKey(shopper.get("/checkout").asString()));
    }

    private static String placeWith(Shopper shopper, String key) {
        return orderId(shopper.post("/checkout", "idempotencyKey", key).then().statusCode(303).extract().response());
    }

    private static String orderId(Response placed) {
        Matcher matcher = CONFIRMATION.matcher(placed.getHeader("Location"));
        assertThat(matcher.find()).as(placed.getHeader("Location")).isTrue();
        return matcher.group(1);
    }
}
