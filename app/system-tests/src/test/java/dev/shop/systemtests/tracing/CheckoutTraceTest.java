package dev.shop.systemtests.tracing;

import dev.shop.localstack.Folders;
import dev.shop.localstack.LocalShop;
import dev.shop.systemtests.faults.WebShopper;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One checkout through the storefront's pages reaches orders, which reserves stock in catalog: the three
 * services' JSON log lines for it carry one trace id, and each service exports its spans under that trace.
 * The shop runs as in a cluster (prod profile, JSON logs), with its traces going to the local stand-in for
 * Tempo; its own shop, because the shared one logs plain text.
 */
class CheckoutTraceTest {

    private static final Duration LOGS_AND_EXPORTS = Duration.ofSeconds(20);

    private static final ServiceLogs logs = new ServiceLogs();
    private static Path dataDir;
    private static LocalShop shop;

    @BeforeAll
    static void shopWithJsonLogs() throws IOException {
        Path appDir = Path.of(System.getProperty("app.dir", "..")).toAbsolutePath().normalize();
        dataDir = Files.createTempDirectory("shop-trace-test");
        shop = LocalShop.start(LocalShop.Options.forTests(appDir, dataDir, logs).withEnvironment(Map.of(
                "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true",
                // the storefront notes a placed order at debug level only
                "QUARKUS_LOG_CATEGORY__DEV_SHOP__LEVEL", "DEBUG",
                // a busy machine must not fail the migrations at start for want of a connection within 2 s
                "QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "30S")));
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.close();
        }
        Folders.deleteRecursively(dataDir);
    }

    @Test
    void oneCheckoutIsOneTraceAcrossStorefrontOrdersAndCatalog() {
        String storefront = shop.service(LocalShop.STOREFRONT).baseUrl();
        // a freshly started shop on a busy machine may answer its first catalog calls late (503)
        await().atMost(Duration.ofMinutes(3))
                .until(() -> given().baseUri(storefront).get("/products/MUG-001").statusCode() == 200);
        WebShopper shopper = WebShopper.withInCart(storefront, "MUG-001", 1);
        Response placed = shopper.placeOrder(shopper.checkoutKey());
        placed.then().statusCode(303);
        String orderId = URI.create(placed.getHeader("Location")).getPath().replaceFirst("^/orders/", "");

        await().atMost(LOGS_AND_EXPORTS).untilAsserted(() ->
                assertThat(logs.traceIdsOf(LocalShop.ORDERS, "order " + orderId + " confirmed")).hasSize(1));
        String traceId = logs.traceIdsOf(LocalShop.ORDERS, "order " + orderId + " confirmed").get(0);
        assertThat(traceId).as("orders' line carries a W3C trace id").matches("[0-9a-f]{32}");

        await().atMost(LOGS_AND_EXPORTS).untilAsserted(() -> {
            assertThat(logs.traceIdsOf(LocalShop.STOREFRONT, "order " + orderId + " placed"))
                    .as("the storefront's line for the order").isNotEmpty().containsOnly(traceId);
            assertThat(logs.traceIdsOf(LocalShop.CATALOG, "reserved 1 line(s) for " + orderId))
                    .as("catalog's line for the order's reservation").isNotEmpty().containsOnly(traceId);
        });
        byte[] traceIdBytes = HexFormat.of().parseHex(traceId);
        await().atMost(LOGS_AND_EXPORTS).untilAsserted(() -> {
            for (String service : List.of(LocalShop.STOREFRONT, LocalShop.ORDERS, LocalShop.CATALOG)) {
                assertThat(shop.traceReceiver().exportsOf(service))
                        .as("%s exported a span of trace %s", service, traceId)
                        .anyMatch(export -> contains(export, traceIdBytes));
            }
        });
    }

    /** Whether an OTLP protobuf body holds the trace id: span trace ids are raw 16-byte fields. */
    private static boolean contains(byte[] export, byte[] traceId) {
        for (int start = 0; start + traceId.length <= export.length; start++) {
            if (Arrays.equals(export, start, start + traceId.length, traceId, 0, traceId.length)) {
                return true;
            }
        }
        return false;
    }
}
