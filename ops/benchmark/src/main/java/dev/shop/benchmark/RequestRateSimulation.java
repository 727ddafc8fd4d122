package dev.shop.benchmark;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * One request type at one fixed arrival rate (open model: arrivals do not wait for answers, so a slow
 * server meets the same rate and its queueing shows in the latency). Started by {@link BenchmarkMain}, one
 * JVM per level; the assertions print the figures it reads ({@link GatlingOutput}).
 *
 * <p>Properties: {@code bench.request} ({@link RequestType#propertyValue()}), {@code bench.rate} (per
 * second), {@code bench.seconds}, {@code bench.storefrontUrl}, {@code bench.catalogUrl},
 * {@code bench.sessions} (CSV of ready shopper sessions: sessionId,csrf).
 */
public final class RequestRateSimulation extends Simulation {

    /** The latency goal of the benchmark: the highest rate whose p95 stays within it, with no error. */
    public static final int P95_GOAL_MILLIS = 100;

    private static final String[] SKUS = {"MUG-001", "MUG-002", "BWL-001", "PLT-001", "VAS-001", "LMP-001",
            "CDL-001", "THR-001", "CSH-001", "CLK-001", "TRY-001", "NTB-001"};

    private final RequestType type = RequestType.fromProperty(System.getProperty("bench.request"));
    private final double rate = Double.parseDouble(System.getProperty("bench.rate"));
    private final Duration length = Duration.ofSeconds(Long.getLong("bench.seconds", 15));

    {
        String baseUrl = System.getProperty(type.service().equals("catalog") ? "bench.catalogUrl" : "bench.storefrontUrl");
        HttpProtocolBuilder protocol = http.baseUrl(baseUrl)
                // a pool of keep-alive connections, as an ingress or a fleet of browsers would hold
                .shareConnections()
                // measure the request itself: a form post's 303 is its answer
                .disableFollowRedirect()
                .userAgentHeader("shop-benchmark (Gatling)");
        ScenarioBuilder scenario = scenario(type.label()).exec(chain());
        setUp(scenario.injectOpen(constantUsersPerSec(rate).during(length)))
                .protocols(protocol)
                .maxDuration(length.plusSeconds(30))
                .assertions(
                        details(type.label()).responseTime().percentile(50.0).gte(0),
                        details(type.label()).responseTime().percentile(95.0).lte(P95_GOAL_MILLIS),
                        details(type.label()).responseTime().percentile(99.0).gte(0),
                        details(type.label()).failedRequests().count().is(0L),
                        details(type.label()).allRequests().count().gte(0L));
    }

    private ChainBuilder chain() {
        return switch (type) {
            case CATALOG_LIVE, STOREFRONT_LIVE -> exec(http(type.label()).get("/q/health/live").check(status().is(200)));
            case CATALOG_LIST -> exec(http(type.label()).get("/api/products?page=0&size=20")
                    .header("Accept", "application/json").check(status().is(200)));
            case PRODUCT_PAGE -> exec(withSession()).exec(http(type.label()).get("/products/#{sku}")
                    .header("Cookie", "shop_session=#{sessionId}").check(status().is(200)));
            case ADD_TO_CART -> exec(withSession()).exec(addToCart(type.label()));
            // a cart needs something in it: each checkout arrival first adds one product (its own request name)
            case CHECKOUT -> exec(withSession()).exec(addToCart("add before checkout"))
                    .exec(session -> session.set("idempotencyKey", UUID.randomUUID().toString()))
                    .exec(http(type.label()).post("/checkout")
                            .header("Cookie", "shop_session=#{sessionId}")
                            .formParam("csrf", "#{csrf}")
                            .formParam("idempotencyKey", "#{idempotencyKey}")
                            .check(status().is(303)));
        };
    }

    private ChainBuilder withSession() {
        // in turn, so that two arrivals close together never share a cart
        FeederBuilder<String> sessions = csv(System.getProperty("bench.sessions")).circular();
        return exec(session -> session.set("sku", SKUS[ThreadLocalRandom.current().nextInt(SKUS.length)]))
                .feed(sessions);
    }

    private static HttpRequestActionBuilder addToCart(String name) {
        return http(name).post("/cart/items")
                .header("Cookie", "shop_session=#{sessionId}")
                .formParam("csrf", "#{csrf}")
                .formParam("sku", "#{sku}")
                .formParam("quantity", "1")
                .check(status().is(303));
    }
}
