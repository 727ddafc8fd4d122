package dev.shop.orders;

import dev.shop.localstack.DataStores;
import dev.shop.localstack.DataStoresTestResource;
import dev.shop.localstack.InjectDataStores;
import dev.shop.localstack.StatementCounts;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

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
@WithTestResource(value = DataStoresTestResource.class,
        initArgs = @ResourceArg(name = DataStoresTestResource.POSTGRES_DATABASE, value = "orders"))
// no periodic look for owed releases while the statements are counted
@WithTestResource(value = CatalogStubResource.class,
        initArgs = @ResourceArg(name = CatalogStubResource.RELEASE_RETRY_EVERY, value = "PT1H"))
@QuarkusTest
class CheckoutCostTest {

    private static final int CHECKOUTS = 10;

    @InjectCatalogStub
    CatalogStub catalog;

    @InjectDataStores
    DataStores stores;

    @Test
    void aOneLineCheckoutCostsFiveRoundTripsInTwoTransactions() {
        Map<String, Object> oneMug = cart(productInStock(), 1);

        costOf(oneMug).assertEachCostsAtMost(5, 2);
    }

    @Test
    void eachFurtherLineCostsOneRoundTrip() {
        Map<String, Object> threeLines = cart(productInStock(), 1, productInStock(), 2, productInStock(), 3);

        costOf(threeLines).assertEachCostsAtMost(5 + 2, 2);
    }

    private StatementCounts.Calls costOf(Map<String, Object> body) {
        String customer = newCustomer();
        return StatementCounts.whileRunning(stores.postgres(), "orders", CHECKOUTS,
                () -> checkoutAs(customer, newKey()).body(body)
                        .when().post("/api/orders")
                        .then().statusCode(201));
    }

    private String productInStock() {
        String sku = uniqueSku();
        catalog.addProduct(sku, "Product " + sku, 1299, 1000);
        return sku;
    }
}
