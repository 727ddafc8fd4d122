package dev.shop.catalog;

import dev.shop.localstack.DataStores;
import dev.shop.localstack.InjectDataStores;
import dev.shop.localstack.StatementCounts;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static dev.shop.catalog.TestData.createProduct;
import static dev.shop.catalog.TestData.stockOf;
import static dev.shop.catalog.TestData.uniqueSku;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a reservation costs catalog's PostgreSQL, counted by the server (pg_stat_statements): one transaction,
 * and per line one conditional stock UPDATE that returns the product and one INSERT of the line. A change that
 * adds a round trip to the checkout path fails here (docs/benchmarks.md, Goal 4; docs/decisions/0904).
 */
@CatalogOnPostgres
class ReservationCostTest {

    @InjectDataStores
    DataStores stores;

    private static final int RESERVATIONS = 10;

    @Test
    void aOneLineReservationCostsFourRoundTripsInOneTransaction() {
        String sku = productInStock();

        costOf(RESERVATIONS, () -> reserve(Map.of(sku, 1))).assertEachCostsAtMost(4, 1);
        assertThat(stockOf(sku)).isEqualTo(1000 - 1 - RESERVATIONS);
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
        assertThatThrownBy(() -> withARead.assertEachCostsAtMost(4, 1)).isInstanceOf(AssertionError.class);
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
