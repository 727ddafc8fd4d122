package dev.shop.catalog;

import dev.shop.localstack.DataStores;
import dev.shop.localstack.DataStoresTestResource;
import dev.shop.localstack.InjectDataStores;
import dev.shop.localstack.ProviderContract;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntPredicate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = DataStoresTestResource.class,
        initArgs = @ResourceArg(name = DataStoresTestResource.POSTGRES_DATABASE, value = "catalog"))
class HealthAndOperationsTest {

    @InjectDataStores
    DataStores stores;

    @Test
    void readinessFollowsTheDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        stores.postgres().stop();
        try {
            assertTrue(eventually(status -> status == 503), "readiness went DOWN while PostgreSQL was stopped");
            given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            given().when().get("/q/health/live").then().statusCode(200);
            given().when().get("/api/products/sku/{sku}", "MUG-001")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", equalTo("5"));
        } finally {
            stores.postgres().start();
        }
        assertTrue(eventually(status -> status == 200), "readiness came back UP with PostgreSQL");
        given().when().get("/api/products/sku/{sku}", "MUG-001").then().statusCode(200);
    }

    @Test
    void livenessAndStartupAreUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsUseRouteTemplates() {
        given().when().get("/api/products/sku/{sku}", "MUG-002").then().statusCode(200);
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/api/products/sku/{sku}\""));
    }

    @Test
    void metricsHaveTheLatencyBucketsAndPoolGaugesTheDashboardReads() {
        given().when().get("/api/products").then().statusCode(200);
        given().when().get("/q/metrics")
                .then().statusCode(200)
                // the latency SLO threshold (0.5 s) must be a bucket boundary
                .body(matchesPattern("(?s).*http_server_requests_seconds_bucket\\{[^}]*le=\"0\\.5\"[^}]*} .*"))
                .body(containsString("agroal_active_count"))
                .body(containsString("agroal_awaiting_count"));
    }

    @Test
    void openApiDescribesTheApi() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", hasKey("/api/products"))
                .body("paths", hasKey("/api/reservations"));
    }

    /** Polls readiness until it answers with a status that passes, for at most 30 s. */
    private static boolean eventually(IntPredicate wanted) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (wanted.test(given().when().get("/q/health/ready").then().extract().statusCode())) {
                return true;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** Consumers pin their fakes of catalog to the committed document (ProviderContract); it must be what catalog serves. */
    @Test
    void theCommittedContractIsWhatCatalogServes() {
        String served = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        assertEquals("", ProviderContract.differenceFromServed("catalog", served, Path.of("target/catalog.openapi.json")));
    }
}
