package dev.shop.localstack;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * The operations behaviour every service with a database shares (health, metrics, OpenAPI, its committed
 * contract), as tests a service's {@code @QuarkusTest} class inherits by implementing this interface.
 * The class names only what differs: the service, its data stores and one read that goes to the database.
 */
public interface ServiceOperationsChecks {

    /** The service's name; its committed contract is docs/contracts/&lt;service&gt;.openapi.json. */
    String service();

    /** The data stores the test resource injected (the test's {@link InjectDataStores} field). */
    DataStores stores();

    /** A request that reads from the service's database: 200 while it is up. */
    Response readFromTheDatabase();

    /** Paths the service's OpenAPI document must describe. */
    List<String> documentedPaths();

    @Test
    default void readinessFollowsTheDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        stores().postgres().stop();
        try {
            awaitReadiness(503);
            given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            given().when().get("/q/health/live").then().statusCode(200);
            readFromTheDatabase().then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", equalTo("5"))
                    .body("type", equalTo("urn:shop:problem:database-unavailable"));
        } finally {
            stores().postgres().start();
        }
        awaitReadiness(200);
        readFromTheDatabase().then().statusCode(200);
    }

    @Test
    default void livenessAndStartupAreUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    default void metricsHaveTheLatencyBucketsAndPoolGaugesTheDashboardReads() {
        readFromTheDatabase().then().statusCode(200);
        given().when().get("/q/metrics")
                .then().statusCode(200)
                // the latency SLO threshold (0.5 s) must be a bucket boundary (a route template's braces may sit in the labels)
                .body(matchesPattern("(?s).*\nhttp_server_requests_seconds_bucket\\{[^\n]*le=\"0\\.5\"[^\n]*} .*"))
                .body(containsString("agroal_active_count"))
                .body(containsString("agroal_awaiting_count"));
    }

    @Test
    default void openApiDescribesTheApi() {
        var paths = given().accept("application/json").when().get("/q/openapi").then().statusCode(200);
        documentedPaths().forEach(path -> paths.body("paths", hasKey(path)));
    }

    /** Consumers pin their fakes of the service to its committed document ({@link ProviderContract}): it must be what the service serves. */
    @Test
    default void theCommittedContractIsWhatTheServiceServes() {
        String served = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        assertThat(ProviderContract.differenceFromServed(service(), served, Path.of("target/" + service() + ".openapi.json")))
                .isEmpty();
    }

    /** Waits, for at most 30 s, until readiness answers with this status. */
    private static void awaitReadiness(int status) {
        await("readiness answers " + status).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> given().when().get("/q/health/ready").then().statusCode(status));
    }
}
