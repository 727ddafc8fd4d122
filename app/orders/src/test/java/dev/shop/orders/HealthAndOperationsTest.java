package dev.shop.orders;

import dev.shop.localstack.DataStores;
import dev.shop.localstack.InjectDataStores;
import dev.shop.localstack.ServiceOperationsChecks;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.shop.orders.TestData.newCustomer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Health, metrics, OpenAPI and contract checks every service passes, plus what is particular to orders. */
@OrdersWithCatalogStub
class HealthAndOperationsTest implements ServiceOperationsChecks {

    @InjectDataStores
    DataStores stores;

    @InjectCatalogStub
    CatalogStub catalog;

    @Override
    public String service() {
        return "orders";
    }

    @Override
    public DataStores stores() {
        return stores;
    }

    @Override
    public Response readFromTheDatabase() {
        return given().header("X-Customer-Id", newCustomer()).when().get("/api/orders");
    }

    @Override
    public List<String> documentedPaths() {
        return List.of("/api/orders", "/api/orders/{id}");
    }

    @Test
    void readinessIgnoresCatalog() {
        catalog.stop();
        try {
            given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        } finally {
            catalog.start();
        }
    }

    @Test
    void metricsUseRouteTemplates() {
        given().header("X-Customer-Id", newCustomer())
                .when().get("/api/orders/{id}", "00000000-0000-0000-0000-000000000001").then().statusCode(404);
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("uri=\"/api/orders/{id}\""));
    }
}
