package dev.shop.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.shop.catalog.TestData.createProduct;
import static dev.shop.catalog.TestData.stockOf;
import static dev.shop.catalog.TestData.uniqueSku;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@CatalogOnPostgres
class ReservationResourceTest {

    private static Map<String, Object> reservation(String reference, Map<String, Integer> lines) {
        List<Map<String, Object>> body = new ArrayList<>();
        lines.forEach((sku, quantity) -> body.add(Map.of("sku", sku, "quantity", quantity)));
        return Map.of("reference", reference, "lines", body);
    }

    private static String reference() {
        return UUID.randomUUID().toString();
    }

    @Test
    void reservesAllLinesWithTheirPrices() {
        String mug = uniqueSku();
        String vase = uniqueSku();
        createProduct(mug, 1299, 5);
        createProduct(vase, 2200, 3);
        String reference = reference();

        given().contentType("application/json").body(reservation(reference, Map.of(mug, 2, vase, 1)))
                .when().post("/api/reservations")
                .then().statusCode(201)
                .body("reference", equalTo(reference))
                .body("lines", hasSize(2))
                .body("lines.find { it.sku == '%s' }.quantity".formatted(mug), equalTo(2))
                .body("lines.find { it.sku == '%s' }.unitPrice.amountMinor".formatted(mug), equalTo(1299))
                .body("lines.find { it.sku == '%s' }.unitPrice.currency".formatted(mug), equalTo("EUR"))
                .body("lines.find { it.sku == '%s' }.name".formatted(vase), equalTo("Test product " + vase));

        assertThat(stockOf(mug)).isEqualTo(3);
        assertThat(stockOf(vase)).isEqualTo(2);
    }

    @Test
    void replayingAReferenceReservesOnce() {
        String sku = uniqueSku();
        createProduct(sku, 500, 10);
        String reference = reference();
        Map<String, Object> body = reservation(reference, Map.of(sku, 4));

        given().contentType("application/json").body(body)
                .when().post("/api/reservations")
                .then().statusCode(201);
        given().contentType("application/json").body(body)
                .when().post("/api/reservations")
                .then().statusCode(200)
                .body("reference", equalTo(reference))
                .body("lines[0].quantity", equalTo(4));

        assertThat(stockOf(sku)).isEqualTo(6);
    }

    @Test
    void aReferenceCannotBeReusedForOtherLines() {
        String sku = uniqueSku();
        createProduct(sku, 500, 10);
        String reference = reference();
        given().contentType("application/json").body(reservation(reference, Map.of(sku, 1)))
                .when().post("/api/reservations")
                .then().statusCode(201);
        given().contentType("application/json").body(reservation(reference, Map.of(sku, 2)))
                .when().post("/api/reservations")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:shop:problem:reservation-mismatch"));
        assertThat(stockOf(sku)).isEqualTo(9);
    }

    @Test
    void shortStockReservesNothingAndNamesTheSku() {
        String plenty = uniqueSku();
        String scarce = uniqueSku();
        createProduct(plenty, 100, 10);
        createProduct(scarce, 100, 1);

        given().contentType("application/json").body(reservation(reference(), Map.of(plenty, 3, scarce, 2)))
                .when().post("/api/reservations")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:shop:problem:insufficient-stock"))
                .body("sku", equalTo(scarce))
                .body("detail", containsString(scarce));

        assertThat(stockOf(plenty)).as("all lines or none: the line that fitted was rolled back").isEqualTo(10);
        assertThat(stockOf(scarce)).isEqualTo(1);
    }

    @Test
    void anUnknownSkuIsNotFoundAndReservesNothing() {
        String known = uniqueSku();
        createProduct(known, 100, 10);
        given().contentType("application/json").body(reservation(reference(), Map.of(known, 1, "NOPE-404", 1)))
                .when().post("/api/reservations")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("sku", equalTo("NOPE-404"));
        assertThat(stockOf(known)).isEqualTo(10);
    }

    @Test
    void releaseReturnsTheStockOnce() {
        String sku = uniqueSku();
        createProduct(sku, 100, 10);
        String reference = reference();
        given().contentType("application/json").body(reservation(reference, Map.of(sku, 4)))
                .when().post("/api/reservations")
                .then().statusCode(201);
        assertThat(stockOf(sku)).isEqualTo(6);

        given().when().delete("/api/reservations/{reference}", reference).then().statusCode(204);
        assertThat(stockOf(sku)).isEqualTo(10);
        given().when().delete("/api/reservations/{reference}", reference).then().statusCode(204);
        assertThat(stockOf(sku)).as("a second release gives nothing back").isEqualTo(10);

        given().contentType("application/json").body(reservation(reference, Map.of(sku, 4)))
                .when().post("/api/reservations")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:shop:problem:reservation-released"));
        assertThat(stockOf(sku)).isEqualTo(10);
    }

    @Test
    void aReleaseBeforeItsReservationBlocksTheLateReservation() {
        String sku = uniqueSku();
        createProduct(sku, 100, 10);
        String reference = reference();
        given().when().delete("/api/reservations/{reference}", reference).then().statusCode(204);
        given().contentType("application/json").body(reservation(reference, Map.of(sku, 1)))
                .when().post("/api/reservations")
                .then().statusCode(409);
        assertThat(stockOf(sku)).isEqualTo(10);
    }

    @Test
    void fiftyConcurrentReservationsNeverOversell() throws Exception {
        String sku = uniqueSku();
        createProduct(sku, 100, 10);
        int attempts = 50;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(25);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                Callable<Integer> reserveOne = () -> {
                    start.await();
                    return given().contentType("application/json")
                            .body(reservation(reference(), Map.of(sku, 1)))
                            .when().post("/api/reservations")
                            .then().extract().statusCode();
                };
                statuses.add(pool.submit(reserveOne));
            }
            start.countDown();
            int created = 0;
            int conflicts = 0;
            for (Future<Integer> status : statuses) {
                switch (status.get()) {
                    case 201 -> created++;
                    case 409 -> conflicts++;
                    default -> throw new AssertionError("unexpected status " + status.get());
                }
            }
            assertThat(created).isEqualTo(10);
            assertThat(conflicts).isEqualTo(40);
            assertThat(stockOf(sku)).isEqualTo(0);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A reservation catalog refuses before it touches stock ({@code %1$s} is the sku, {@code %2$s} a fresh
     * reference), with what the problem names: its detail, or its type.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"reference": "%2$s", "lines": [{"sku": "%1$s", "quantity": 0}]}  | detail | lines[0].quantity
            {"reference": "%2$s", "lines": [{"sku": "%1$s", "quantity": -3}]} | detail | quantity
            {"reference": "%2$s", "lines": []}                                | detail | lines
            {"lines": [{"sku": "%1$s", "quantity": 1}]}                       | detail | reference
            {"reference": "%2$s", "lines": [{"sku": "%1$s", "quantity": 1}, {"sku": "%1$s", "quantity": 2}]} \
                    | type | urn:shop:problem:duplicate-line
            """)
    void anInvalidReservationIsABadRequestAndTakesNoStock(String body, String member, String named) {
        String sku = uniqueSku();
        createProduct(sku, 100, 10);
        given().contentType("application/json").body(body.formatted(sku, reference()))
                .when().post("/api/reservations")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body(member, containsString(named));
        assertThat(stockOf(sku)).isEqualTo(10);
    }
}
