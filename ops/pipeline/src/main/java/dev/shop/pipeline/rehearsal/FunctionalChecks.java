package dev.shop.pipeline.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The system-test subset the staging gate runs against an environment before the load test, over
 * HTTP as a client would: the catalog lists products, a checkout through orders succeeds and its
 * replay with the same Idempotency-Key returns the same order, a malformed order is a problem+json
 * 400, and the storefront's product list links to product pages. Returns one line per failure.
 */
final class FunctionalChecks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    List<String> run(LocalEnvironment env) {
        List<String> failures = new ArrayList<>();
        try {
            HttpResponse<String> products = get(env.url("catalog") + "/api/products?size=20");
            JsonNode items = products.statusCode() == 200 ? JSON.readTree(products.body()).path("items") : JSON.createArrayNode();
            String sku = null;
            for (JsonNode item : items) {
                if (sku == null && item.path("stock").asInt() > 0) {
                    sku = item.path("sku").asText();
                }
            }
            if (sku == null) {
                failures.add("catalog: GET /api/products answered " + products.statusCode() + " with no product in stock");
                return failures;
            }
            String key = "rehearsal-" + UUID.randomUUID();
            String order = "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}";
            HttpResponse<String> placed = postOrder(env, key, order);
            HttpResponse<String> replayed = postOrder(env, key, order);
            if (placed.statusCode() != 201) {
                failures.add("orders: checkout of " + sku + " answered " + placed.statusCode() + ": " + placed.body());
            } else if (replayed.statusCode() != 200
                    || !JSON.readTree(placed.body()).path("id").equals(JSON.readTree(replayed.body()).path("id"))) {
                failures.add("orders: the replay with the same Idempotency-Key answered " + replayed.statusCode()
                        + " with another order: " + replayed.body());
            }
            HttpResponse<String> malformed = postOrder(env, "rehearsal-" + UUID.randomUUID(), "{\"lines\":\"none\"}");
            if (malformed.statusCode() != 400 || !malformed.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                failures.add("orders: a malformed order answered " + malformed.statusCode() + " "
                        + malformed.headers().firstValue("Content-Type").orElse("") + ", not a problem+json 400");
            }
            HttpResponse<String> page = get(env.url("storefront") + "/");
            if (page.statusCode() != 200 || !page.body().contains("href=\"/products/")) {
                failures.add("storefront: GET / answered " + page.statusCode() + " without links to product pages");
            }
        } catch (IOException e) {
            failures.add("a request failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add("interrupted");
        }
        return failures;
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postOrder(LocalEnvironment env, String key, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(env.url("orders") + "/api/orders"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .header("X-Customer-Id", "rehearsal")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
