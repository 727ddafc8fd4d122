package dev.shop.catalog;

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

import java.util.List;
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
@QuarkusTest
@WithTestResource(value = DataStoresTestResource.class,
        initArgs = @ResourceArg(name = DataStoresTestResource.POSTGRES_DATABASE, value = "catalog"))
class ReservationCostTest {

    private static final int RESERVATIONS = 10;

    @InjectDataStores
    DataStores stores;

    private StatementCounts counts;

    @BeforeEach
    void openCounter() {
        counts = StatementCounts.of(stores.postgres(), "catalog");
    }

    @AfterEach
    void closeCounter() {
        counts.close();
    }

    @Test
    void aOneLineReservationCostsFourRoundTripsInOneTransaction() {
        String sku = uniqueSku();
        createProduct(sku, 1299, 1000);
        reserve(Map.of(sku, 1));
        counts.reset();
        for (int i = 0; i < RESERVATIONS; i++) {
            reserve(Map.of(sku, 1));
        }
        StatementCounts.Calls calls = counts.read();

        calls.assertEachCostsAtMost(RESERVATIONS, 4, 1);
        assertEquals(1000 - 1 - RESERVATIONS, stockOf(sku));
    }

    @Test
    void eachFurtherLineCostsTwoRoundTrips() {
        String mug = uniqueSku();
        String vase = uniqueSku();
        String candle = uniqueSku();
        for (String sku : List.of(mug, vase, candle)) {
            createProduct(sku, 500, 1000);
        }
        reserve(Map.of(mug, 1, vase, 2, candle, 3));
        counts.reset();
        for (int i = 0; i < RESERVATIONS; i++) {
            reserve(Map.of(mug, 1, vase, 2, candle, 3));
        }

        counts.read().assertEachCostsAtMost(RESERVATIONS, 4 + 2 * 2, 1);
    }

    @Test
    void theBudgetRejectsOneStatementMore() {
        String sku = uniqueSku();
        createProduct(sku, 1299, 1000);
        reserve(Map.of(sku, 1));
        counts.reset();
        reserve(Map.of(sku, 1));
        stockOf(sku);
        StatementCounts.Calls calls = counts.read();

        assertThrows(AssertionError.class, () -> calls.assertEachCostsAtMost(1, 4, 1));
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
