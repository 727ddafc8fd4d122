package dev.shop.systemtests.browser;

import dev.shop.localstack.LocalShop;
import dev.shop.systemtests.Api;
import dev.shop.systemtests.RunningShop;
import io.restassured.response.Response;

import java.util.UUID;

/**
 * The running shop as the browser test sees it: the storefront's address, and the catalog and orders APIs
 * for arranging data and computing what the pages must show.
 */
final class ShopUnderTest {

    private ShopUnderTest() {
    }

    static LocalShop shop() {
        return RunningShop.shop();
    }

    static String storefront() {
        return Api.url(LocalShop.STOREFRONT);
    }

    /** Creates a product through catalog's admin API; the sku is unique so test runs never collide. */
    static Product createProduct(String name, long priceMinor, int stock) {
        return product(Api.createProduct("WEB", name, priceMinor, stock));
    }

    /** A product as catalog's public API describes it now: the prices the pages must agree with. */
    static Product product(String sku) {
        Response body = Api.product(sku);
        return new Product(body.path("sku"), body.path("name"), body.<Number>path("price.amountMinor").longValue(),
                body.path("price.currency"), body.<Integer>path("stock"));
    }

    /** Another customer buys {@code quantity} through the orders API, as if in another browser. */
    static void someoneElseBuys(String sku, int quantity) {
        Api.placeOrder("other-shopper-" + UUID.randomUUID(), UUID.randomUUID().toString(), sku, quantity)
                .then().statusCode(201);
    }

    record Product(String sku, String name, long priceMinor, String currency, int stock) {
    }
}
