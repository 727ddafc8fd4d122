package dev.shop.systemtests.faults;

import dev.shop.localstack.FaultProxy;
import dev.shop.localstack.LocalShop;
import dev.shop.localstack.LocalShop.Link;
import dev.shop.systemtests.Api;
import dev.shop.systemtests.RunningShop;
import dev.shop.systemtests.RunningShopExtension;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real services and data stores with a {@link FaultProxy} on each link (storefront to orders and to
 * Redis, orders to catalog and to PostgreSQL). Each scenario is one shopper's intent to order one product:
 * what the shopper sees, then the ledger once the shop has settled (one order or none, one reservation per
 * order, stock taken exactly once, nothing held for nothing) and readiness telling the truth.
 * Timeouts are the services' own (docs/architecture.md, "Time budget").
 */
@ExtendWith(RunningShopExtension.class)
class FaultInjectionTest {

    private static final String NOT_KNOWN_YET = "it may still go through";
    private static final int STOCK = 5;

    private LocalShop shop;
    private Ledger ledger;
    private String sku;

    /** Names no other test searches for: the shop is shared with the browser test, which searches by name. */
    @BeforeEach
    void newProductAndOrdersReachingCatalog() {
        shop = RunningShop.shop();
        ledger = new Ledger(shop);
        sku = Api.createProduct("FLT", "Fault scenario jug", 3_500, STOCK);
        // a circuit breaker opened by an earlier scenario (or test class) closes within its 10 s delay
        String warmUp = Api.createProduct("FLT", "Fault scenario warm-up", 100, 100);
        Instant deadline = Instant.now().plusSeconds(30);
        while (Api.placeOrder("fault-warm-up", UUID.randomUUID().toString(), warmUp, 1).statusCode() != 201) {
            assertThat(Instant.now()).as("orders reaches catalog again").isBefore(deadline);
            sleepUntil(Instant.now().plusSeconds(1));
        }
    }

    @AfterEach
    void healEveryLink() {
        for (Link link : Link.values()) {
            shop.proxy(link).heal();
        }
    }

    @Test
    void catalogSlowerThanOrdersPerAttemptTimeoutThenTheSameKeyPlacesOneOrder() {
        WebShopper shopper = WebShopper.withInCart(storefront(), sku, 1);
        String key = shopper.checkoutKey();
        // longer than orders' 2.5 s read timeout per attempt: every attempt reaches catalog, no answer arrives in time
        shop.proxy(Link.ORDERS_TO_CATALOG).delayAnswers(Duration.ofMillis(3200));

        String page = shopper.placeOrder(key).then().statusCode(503).extract().asString();
        assertThat(page).contains(NOT_KNOWN_YET);
        assertThat(WebShopper.idempotencyKeyOn(page)).as("the page tries the same order again").isEqualTo(key);
        assertThat(ready(LocalShop.ORDERS)).as("orders' own database is fine: still ready").isEqualTo(200);
        // what catalog reserved for the timed-out attempts is given back (orders hears of it once catalog is fast again)
        ledger.assertNothingHeld(sku, STOCK);

        shop.proxy(Link.ORDERS_TO_CATALOG).heal();
        assertPlaced(tryAgainUntilKnown(shopper, key));
        ledger.assertSettled(sku, STOCK, 1, 1);
    }

    @Test
    void ordersSlowerThanTheStorefrontThenTheShopperIsShownTheOrderThatWentThrough() {
        WebShopper shopper = WebShopper.withInCart(storefront(), sku, 1);
        String key = shopper.checkoutKey();
        // orders places the order at once; its answer comes after the storefront's 12 s read timeout
        shop.proxy(Link.STOREFRONT_TO_ORDERS).delayAnswers(Duration.ofSeconds(13));

        String page = shopper.placeOrder(key).then().statusCode(503).extract().asString();
        assertThat(page).contains(NOT_KNOWN_YET);
        assertThat(WebShopper.idempotencyKeyOn(shopper.get("/checkout").then().statusCode(200).extract().asString()))
                .as("coming back to checkout keeps the key").isEqualTo(key);

        shop.proxy(Link.STOREFRONT_TO_ORDERS).heal();
        String confirmation = assertPlaced(tryAgainUntilKnown(shopper, key));
        shopper.get(confirmation).then().statusCode(200);
        ledger.assertSettled(sku, STOCK, 1, 1);
    }

    @Test
    void aResetHalfwayThroughTheReservationIsRetriedWithoutTakingStockTwice() {
        WebShopper shopper = WebShopper.withInCart(storefront(), sku, 2);
        String key = shopper.checkoutKey();
        shop.proxy(Link.ORDERS_TO_CATALOG).resetAnswers(1);

        assertPlaced(shopper.placeOrder(key));
        ledger.assertSettled(sku, STOCK, 2, 1);
    }

    @Test
    void postgresStalledForTenSecondsIsA503ThenReadinessAndTheOrderRecoverOnTheirOwn() {
        WebShopper shopper = WebShopper.withInCart(storefront(), sku, 1);
        String key = shopper.checkoutKey();
        FaultProxy database = shop.proxy(Link.ORDERS_TO_POSTGRES);
        Instant stalled = Instant.now();
        database.stall();
        try {
            assertThat(ready(LocalShop.ORDERS)).as("orders cannot use its database: not ready").isNotEqualTo(200);
            String page = shopper.placeOrder(key).then().statusCode(503).extract().asString();
            assertThat(page).contains(NOT_KNOWN_YET);
            assertThat(WebShopper.idempotencyKeyOn(page)).isEqualTo(key);
            sleepUntil(stalled.plusSeconds(10));
        } finally {
            database.heal();
        }

        awaitReady(LocalShop.ORDERS);
        assertPlaced(tryAgainUntilKnown(shopper, key));
        ledger.assertSettled(sku, STOCK, 1, 1);
    }

    @Test
    void redisGoneAndBackIsA503ThenReadinessAndTheCartRecoverOnTheirOwn() {
        WebShopper shopper = WebShopper.withInCart(storefront(), sku, 1);
        FaultProxy redis = shop.proxy(Link.STOREFRONT_TO_REDIS);
        redis.cut();
        try {
            shopper.get("/cart").then().statusCode(503);
            assertThat(ready(LocalShop.STOREFRONT)).as("no sessions without Redis: not ready").isNotEqualTo(200);
        } finally {
            redis.heal();
        }

        awaitReady(LocalShop.STOREFRONT);
        assertPlaced(shopper.placeOrder(shopper.checkoutKey()));
        ledger.assertSettled(sku, STOCK, 1, 1);
    }

    /**
     * What a shopper does with the "may still go through" page: presses the button again (the same key) until
     * the order is known; a breaker that opened during the fault may take a few seconds to close.
     */
    private static Response tryAgainUntilKnown(WebShopper shopper, String key) {
        Instant deadline = Instant.now().plusSeconds(30);
        Response answer = shopper.placeOrder(key);
        while (answer.statusCode() == 503 && Instant.now().isBefore(deadline)) {
            assertThat(WebShopper.idempotencyKeyOn(answer.asString())).isEqualTo(key);
            sleepUntil(Instant.now().plusSeconds(1));
            answer = shopper.placeOrder(key);
        }
        return answer;
    }

    private String storefront() {
        return shop.service(LocalShop.STOREFRONT).baseUrl();
    }

    /** The shopper is sent to the confirmation of their order; returns its path. */
    private static String assertPlaced(Response placed) {
        placed.then().statusCode(303);
        String location = URI.create(placed.getHeader("Location")).getPath();
        assertThat(location).startsWith("/orders/");
        return location;
    }

    /** The readiness status; a probe that gets no answer within 10 s counts as not ready (599). */
    private int ready(String service) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(shop.service(service).baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(10)).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 599;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Readiness comes back without anyone restarting anything. */
    private void awaitReady(String service) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (ready(service) != 200) {
            assertThat(Instant.now()).as("%s ready again within 30 s", service).isBefore(deadline);
            sleepUntil(Instant.now().plusMillis(250));
        }
    }

    private static void sleepUntil(Instant instant) {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
