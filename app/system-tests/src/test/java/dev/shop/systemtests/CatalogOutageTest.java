package dev.shop.systemtests;

import dev.shop.localstack.LocalShop;
import dev.shop.localstack.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** What shoppers and callers see while catalog is down, and that everything recovers. */
@ExtendWith(RunningShopExtension.class)
class CatalogOutageTest {

    @Test
    void ordersAnswers503ProblemWhileCatalogIsDownAndWorksAgainAfter() {
        String sku = Api.createProduct("Ceramic bowl", 2_400, 3);
        ServiceProcess catalog = RunningShop.shop().service(LocalShop.CATALOG);

        catalog.stop();
        try {
            Api.placeOrder("outage-customer", UUID.randomUUID().toString(), sku, 1)
                    .then().statusCode(503)
                    .contentType(containsString("application/problem+json"));
            // readiness checks only the service's own data store: orders stays ready
            given().baseUri(Api.url(LocalShop.ORDERS)).get("/q/health/ready").then().statusCode(200);
            given().baseUri(Api.url(LocalShop.STOREFRONT)).get("/").then().statusCode(503);
        } finally {
            catalog.start();
        }

        Api.placeOrder("outage-customer", UUID.randomUUID().toString(), sku, 1).then().statusCode(201);
        assertThat(Api.stockOf(sku)).isEqualTo(2);
    }
}
