package dev.shop.catalog;

import dev.shop.localstack.DataStores;
import dev.shop.localstack.DataStoresTestResource;
import dev.shop.localstack.InjectDataStores;
import dev.shop.localstack.StatementCounts;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static dev.shop.catalog.TestData.createProduct;
import static dev.shop.catalog.TestData.stockOf;
import static dev.shop.catalog.TestData.uniqueSku;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What a reservation costs catalog's PostgreSQL, counted by the server (pg_stat_statements): one transaction,
 * and per line one conditional stock UPDATE that returns the product and one INSERT of the line. A change that
 * adds a round trip to the checkout path fails here (docs/benchmarks.md, Goal 4; docs/decisions/0904).
 */
@WithTestResource(value = DataStoresTestResource.class,
        initArgs = @ResourceArg(name = DataStoresTestResource.POSTGRES_DATABASE, value = "catalog"))
@QuarkusTest
class ReservationCostTest {

    @InjectDataStores
    DataStores stores;

    private static final int RESERVATIONS = 10;

    @Test
    void aOneLineReservationCostsFourRoundTripsInOneTransaction() {
        String sku = productInStock();

        costOf(RESERVATIONS, () -> reserve(Map.of(sku, 1))).assertEachCostsAtMost(4, 1);
        assertEquals(1000 - 1 - RESERVATIONS, stockOf(sku));
    }

    @Test
    void eachFurtherLineCostsTwoRoundTrips() {
        Map<String, Integer> lines = Map.of(productInStock(), 1, productInStock(), 2, productInStock(), 3);

        costOf(RESERVATIONS, () -> reserve(lines)).assertEachCostsAtMost(4 + 2 * 2, 1);
    }

    @Test
    void theBudgetRejectsOneStatementMore() {
        String sku = productInStock();

        StatementCounts.Calls withARead = costOf(1, () -> {
            reserve(Map.of(sku, 1));
            stockOf(sku);
        });
        assertThrows(AssertionError.class, () -> withARead.assertEachCostsAtMost(4, 1));
    }

    private StatementCounts.Calls costOf(int times, Runnable request) {
        return StatementCounts.whileRunning(stores.postgres(), "catalog", times, request);
    }

    private static String productInStock() {
        String sku = uniqueSku();
        createProduct(sku, 1299, 1000);
        return sku;
    }

    private static void reserve(Map<String, Integer> lines) {
        given().contentType("application/json")
                .body(Map.of("reference", UUID.randomUUID().toString(), "lines", lines.entrySet().stream()
                        .map(line -> Map.of("sku", line.getKey(), "quantity", line.getValue()))
                        .toList()))
                .when().post("/api/reservations")
                .then().statusCode(201);
    }
}
