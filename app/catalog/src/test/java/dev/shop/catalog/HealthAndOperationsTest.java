package dev.shop.catalog;

import dev.shop.localstack.DataStores;
import dev.shop.localstack.InjectDataStores;
import dev.shop.localstack.ServiceOperationsChecks;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/** Health, metrics, OpenAPI and contract checks every service passes, plus catalog's own route metrics. */
@CatalogOnPostgres
class HealthAndOperationsTest implements ServiceOperationsChecks {

    @InjectDataStores
    DataStores stores;

    @Override
    public String service() {
        return "catalog";
    }

    @Override
    public DataStores stores() {
        return stores;
    }

    @Override
    public Response readFromTheDatabase() {
        return given().when().get("/api/products/sku/{sku}", "MUG-001");
    }

    @Override
    public List<String> documentedPaths() {
        return List.of("/api/products", "/api/reservations");
    }

    @Test
    void metricsUseRouteTemplates() {
        given().when().get("/api/products/sku/{sku}", "MUG-002").then().statusCode(200);
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/api/products/sku/{sku}\""));
    }
}
