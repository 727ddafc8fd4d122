package dev.shop.systemtests;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storefront waits for a checkout longer than orders takes to answer one (docs/architecture.md, "Time
 * budget"): otherwise the shopper sees an error while the order goes through. Read from the services'
 * committed configuration, so a change to either side that breaks the ratio fails here.
 */
class TimeBudgetTest {

    /** Room for the answer to travel and be read once orders has decided. */
    static final Duration NETWORK_MARGIN = Duration.ofSeconds(1);

    @Test
    void theStorefrontOutwaitsOrdersAnswerToACheckout() throws IOException {
        assertThat(checkoutBudgetProblem(properties("storefront"), properties("orders"))).isEmpty();
    }

    @Test
    void theCheckCatchesTheOldBudgetWhereTheStorefrontGaveUpFirst() throws IOException {
        Properties storefront = parse("quarkus.rest-client.orders.read-timeout=5000\n");
        Properties orders = parse("orders.checkout.answer-within=12S\n");
        assertThat(checkoutBudgetProblem(storefront, orders)).contains("5000 ms", "PT12S");
    }

    /** Empty when the storefront's read timeout for orders exceeds orders' answer time plus the margin. */
    static String checkoutBudgetProblem(Properties storefront, Properties orders) {
        long waits = Long.parseLong(storefront.getProperty("quarkus.rest-client.orders.read-timeout", "30000"));
        Duration answers = Duration.parse("PT" + orders.getProperty("orders.checkout.answer-within"));
        if (Duration.ofMillis(waits).compareTo(answers.plus(NETWORK_MARGIN)) > 0) {
            return "";
        }
        return "the storefront waits " + waits + " ms for a checkout, but orders may answer only after " + answers
                + " (plus " + NETWORK_MARGIN + " on the wire)";
    }

    private static Properties properties(String service) throws IOException {
        Path appDir = Path.of(System.getProperty("app.dir", "..")).toAbsolutePath().normalize();
        try (Reader reader = Files.newBufferedReader(appDir.resolve(service)
                .resolve("src/main/resources/application.properties"))) {
            Properties properties = new Properties();
            properties.load(reader);
            return properties;
        }
    }

    private static Properties parse(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return properties;
    }
}
