package dev.shop.loadtest;

import io.gatling.javaapi.core.ClosedInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * Shoppers in the storefront, the load test of the staging step (docs/load-test.md).
 * {@code users} shoppers are on the site at once (closed model: when one leaves, the next arrives),
 * reached over {@code rampUp} and held for {@code duration}. The run fails when a request group misses
 * its {@link Thresholds}.
 */
public class ShopperSimulation extends Simulation {

    private final LoadSettings settings = LoadSettings.from(System.getProperties());

    private final HttpProtocolBuilder storefront = http
            .baseUrl(settings.baseUrlText())
            .acceptHeader("text/html,application/xhtml+xml")
            .acceptLanguageHeader("en")
            // each shopper has its own connections and cookies, as a browser would
            .userAgentHeader("shop-load-test (Gatling)");

    private final ScenarioBuilder shoppers = scenario("shoppers").exec(ShopperJourneys.visit());

    {
        ClosedInjectionStep steady = constantConcurrentUsers(settings.users()).during(settings.duration());
        PopulationBuilder population = settings.rampUp().isZero()
                ? shoppers.injectClosed(steady)
                : shoppers.injectClosed(rampConcurrentUsers(0).to(settings.users()).during(settings.rampUp()), steady);
        setUp(population)
                .protocols(storefront)
                .maxDuration(settings.maxDuration())
                .assertions(Thresholds.assertions());
    }
}
