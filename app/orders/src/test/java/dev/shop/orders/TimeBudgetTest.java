package dev.shop.orders;

import dev.shop.orders.client.CatalogGateway;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;
import static org.assertj.core.api.Assertions.assertThat;


/**
 * Orders' part of the time budget (docs/architecture.md): a checkout's answer time outlasts the worst
 * reservation, and each catalog attempt ends by its read timeout before the fault-tolerance timeout.
 */
class TimeBudgetTest {

    @Test
    void aCheckoutsAnswerTimeOutlastsTheWorstReservation() throws IOException {
        Duration answerWithin = Duration.parse("PT" + properties().getProperty("orders.checkout.answer-within"));
        assertThat(answerWithin.compareTo(CatalogGateway.WORST_RESERVE) > 0).as("answer within " + answerWithin + ", worst reservation " + CatalogGateway.WORST_RESERVE).isTrue();
    }

    @Test
    void eachCatalogAttemptEndsByItsReadTimeoutFirst() throws IOException {
        Properties properties = properties();
        long readTimeout = Long.parseLong(properties.getProperty("quarkus.rest-client.catalog.read-timeout"));
        assertThat(readTimeout < CatalogGateway.ATTEMPT_TIMEOUT_MILLIS).as("read timeout " + readTimeout + " ms, attempt timeout " + CatalogGateway.ATTEMPT_TIMEOUT_MILLIS + " ms").isTrue();
    }

    private static Properties properties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TimeBudgetTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return properties;
    }
}
