package dev.shop.orders;

import dev.shop.localstack.DataStores;
import dev.shop.localstack.DataStoresTestResource;
import dev.shop.localstack.InjectDataStores;
import dev.shop.localstack.StatementCounts;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.shop.orders.TestData.cart;
import static dev.shop.orders.TestData.checkoutAs;
import static dev.shop.orders.TestData.newCustomer;
import static dev.shop.orders.TestData.newKey;
import static dev.shop.orders.TestData.uniqueSku;

/**
 * What a checkout costs orders' PostgreSQL, counted by the server (pg_stat_statements): the claim of the key
 * (one INSERT) and the confirmation (one conditional UPDATE of the order and one INSERT per line), two
 * transactions because the catalog call must not hold one open. A change that adds a round trip to the checkout
 * path fails here (docs/benchmarks.md, Goal 4; docs/decisions/0904).
 */
@QuarkusTest
@WithTestResource(value = DataStoresTestResource.class,
        initArgs = @ResourceArg(name = DataStoresTestResource.POSTGRES_DATABASE, value = "orders"))
// no periodic look for owed releases while the statements are counted
@WithTestResource(value = CatalogStubResource.class,
        initArgs = @ResourceArg(name = CatalogStubResource.RELEASE_RETRY_EVERY, value = "PT1H"))
class CheckoutCostTest {

    private static final int CHECKOUTS = 10;

    @InjectDataStores
    DataStores stores;

    @InjectCatalogStub
    CatalogStub catalog;

    private StatementCounts counts;

    @BeforeEach
    void openCounter() {
        counts = StatementCounts.of(stores.postgres(), "orders");
    }

    @AfterEach
    void closeCounter() {
        counts.close();
    }

    @Test
    void aOneLineCheckoutCostsFiveRoundTripsInTwoTransactions() {
        String sku = uniqueSku();
        catalog.addProduct(sku, "Mug", 1299, 1000);
        String customer = newCustomer();
        checkOut(customer, cart(sku, 1));
        counts.reset();
        for (int i = 0; i < CHECKOUTS; i++) {
            checkOut(customer, cart(sku, 1));
        }

        counts.read().assertEachCostsAtMost(CHECKOUTS, 5, 2);
    }

    @Test
    void eachFurtherLineCostsOneRoundTrip() {
        String mug = uniqueSku();
        String vase = uniqueSku();
        String candle = uniqueSku();
        catalog.addProduct(mug, "Mug", 1299, 1000);
        catalog.addProduct(vase, "Vase", 2200, 1000);
        catalog.addProduct(candle, "Candle", 950, 1000);
        String customer = newCustomer();
        checkOut(customer, cart(mug, 1, vase, 2, candle, 3));
        counts.reset();
        for (int i = 0; i < CHECKOUTS; i++) {
            checkOut(customer, cart(mug, 1, vase, 2, candle, 3));
        }

        counts.read().assertEachCostsAtMost(CHECKOUTS, 5 + 2, 2);
    }

    private static void checkOut(String customer, Object body) {
        checkoutAs(customer, newKey()).body(body)
                .when().post("/api/orders")
                .then().statusCode(201);
    }
}
