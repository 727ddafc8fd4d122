package dev.shop.systemtests;

import dev.shop.localstack.LocalShop;
import dev.shop.localstack.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard and alert rules read metric names listed in ops/observability/service-metrics.txt
 * (ops/repo-checks keeps that list in step with the assets). Here a real scrape of the running
 * services, after some traffic, must expose every one of them.
 */
@ExtendWith(RunningShopExtension.class)
class ServiceMetricsTest {

    private static final Path LISTED = Path.of(System.getProperty("repo.root", "../.."))
            .resolve("ops/observability/service-metrics.txt");

    @Test
    void everyMetricTheDashboardsAndAlertsReadIsExposedByARunningService() throws IOException {
        String sku = Api.createProduct("Metrics mug", 1_500, 5);
        Api.placeOrder("metrics-customer", UUID.randomUUID().toString(), sku, 1).then().statusCode(201);
        given().baseUri(Api.url(LocalShop.STOREFRONT)).get("/").then().statusCode(200);

        Map<String, Set<String>> exposedBy = new TreeMap<>();
        for (ServiceProcess service : RunningShop.shop().services()) {
            String scrape = given().baseUri(service.baseUrl()).get("/q/metrics").then().statusCode(200)
                    .extract().asString();
            for (String name : metricNames(scrape)) {
                exposedBy.computeIfAbsent(name, n -> new TreeSet<>()).add(service.name());
            }
        }

        List<String> listed = Files.readAllLines(LISTED).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        assertThat(listed).isNotEmpty();
        List<String> missing = listed.stream().filter(name -> !exposedBy.containsKey(name)).toList();
        assertThat(missing).as("metric names the assets read but no running service exposes").isEmpty();
        // every service has the request and JVM series the per-service panels need
        assertThat(exposedBy.get("http_server_requests_seconds_count"))
                .containsExactlyInAnyOrder(LocalShop.CATALOG, LocalShop.ORDERS, LocalShop.STOREFRONT);
        assertThat(exposedBy.get("jvm_memory_used_bytes"))
                .containsExactlyInAnyOrder(LocalShop.CATALOG, LocalShop.ORDERS, LocalShop.STOREFRONT);
    }

    /** Sample names of a Prometheus text exposition: the part of each sample line before labels or value. */
    private static Set<String> metricNames(String exposition) {
        return exposition.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
