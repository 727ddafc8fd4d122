package dev.shop.storefront;

import dev.shop.localstack.DataStoresTestResource;
import dev.shop.storefront.stubs.DownstreamStubsResource;
import dev.shop.storefront.stubs.Downstreams;
import dev.shop.storefront.stubs.InjectDownstreams;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(value = DataStoresTestResource.class,
        initArgs = @ResourceArg(name = DataStoresTestResource.REDIS, value = "true"))
@WithTestResource(DownstreamStubsResource.class)
class ObservabilityTest {

    @InjectDownstreams
    Downstreams downstreams;

    @BeforeEach
    void resetStubs() {
        downstreams.reset();
    }

    @Test
    void healthEndpointsAreUpAndReadinessChecksRedis() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"), "checks.name", org.hamcrest.Matchers.hasItem(containsString("Redis")));
    }

    @Test
    void metricsUsePathTemplatesNotRawPaths() {
        given().when().get("/products/MUG-001").then().statusCode(200);
        given().when().get("/products/TEE-002").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("uri=\"/products/{sku}\""), not(containsString("uri=\"/products/MUG-001\"")),
                        not(containsString("uri=\"/q/health")));
    }

    @Test
    void openApiIsPublished() {
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/cart/items"));
    }
}
