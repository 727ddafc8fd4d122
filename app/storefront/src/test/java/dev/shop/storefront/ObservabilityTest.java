package dev.shop.storefront;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@StorefrontWithStubs
class ObservabilityTest {

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

    /**
     * The storefront's share of ops/observability/service-metrics.txt, which the shop's dashboard and alert rules
     * read. Kept here rather than read from ops/ so the service stays self-contained; app/system-tests checks the
     * whole list against all services.
     */
    private static final List<String> DASHBOARD_SERIES = List.of(
            "http_server_requests_seconds_count",
            "http_server_requests_seconds_bucket",
            "jvm_memory_used_bytes",
            "jvm_memory_max_bytes",
            "jvm_gc_pause_seconds_sum",
            "jvm_gc_pause_seconds_count",
            "jvm_gc_pause_seconds_max",
            "redis_commands_count_total",
            "redis_commands_failure_total",
            "redis_commands_duration_seconds_sum",
            "redis_commands_duration_seconds_count");

    @Test
    void everySeriesTheDashboardsReadIsScrapedAfterAPageView() {
        Shopper shopper = Shopper.arrive();
        shopper.addToCart("MUG-001", "1").then().statusCode(303);
        shopper.get("/cart").then().statusCode(200);
        // GC pauses are recorded when a collection happens; ask for one rather than hope for it
        System.gc();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Set<String> scraped = seriesNames(scrape());
            assertThat(scraped).containsAll(DASHBOARD_SERIES);
        });

        List<String> samples = scrape().lines().filter(line -> !line.startsWith("#")).toList();
        assertThat(samples.stream().anyMatch(line -> line.startsWith("http_server_requests_seconds_bucket{")
                        && line.contains("uri=\"/cart\"") && line.contains("le=\"0.5\""))).as("the latency objective's bucket (le=0.5) exists for the alert rules").isTrue();
        assertThat(samples.stream().filter(line -> line.startsWith("redis_commands_count_total"))
                        .anyMatch(line -> value(line) > 0)).as("the page views' Redis commands were counted").isTrue();
        assertThat(samples.stream().noneMatch(line -> line.startsWith("http_server_requests") && line.contains("uri=\"/q/"))).as("/q/* (probes, scrapes) stays out of the request metrics").isTrue();
    }

    private static String scrape() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** Sample names of a Prometheus text exposition: each sample line up to its labels or value. */
    private static Set<String> seriesNames(String exposition) {
        return exposition.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static double value(String sample) {
        String[] parts = sample.trim().split(" ");
        return Double.parseDouble(parts[parts.length - 1]);
    }

    @Test
    void openApiIsPublished() {
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/cart/items"));
    }
}
