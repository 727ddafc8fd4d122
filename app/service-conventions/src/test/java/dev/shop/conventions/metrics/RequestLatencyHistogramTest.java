package dev.shop.conventions.metrics;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLatencyHistogramTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    RequestLatencyHistogramTest() {
        registry.config().meterFilter(new RequestLatencyHistogram());
    }

    @Test
    void serverRequestsGetTheFixedBucketsWithTheSloBoundaryAtHalfASecond() {
        Timer requests = Timer.builder("http.server.requests").tag("uri", "/api/orders").register(registry);
        requests.record(Duration.ofMillis(300));
        requests.record(Duration.ofMillis(700));

        CountAtBucket[] buckets = requests.takeSnapshot().histogramCounts();

        assertThat(Arrays.stream(buckets).mapToDouble(bucket -> bucket.bucket(TimeUnit.MILLISECONDS)).toArray())
                .containsExactly(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000);
        assertThat(countAt(buckets, 250)).isZero();
        assertThat(countAt(buckets, 500)).isEqualTo(1);
        assertThat(countAt(buckets, 1000)).isEqualTo(2);
    }

    @Test
    void otherTimersAreLeftAlone() {
        Timer client = Timer.builder("http.client.requests").register(registry);
        client.record(Duration.ofMillis(300));

        assertThat(client.takeSnapshot().histogramCounts()).isEmpty();
    }

    private static double countAt(CountAtBucket[] buckets, double millis) {
        return Arrays.stream(buckets)
                .filter(bucket -> bucket.bucket(TimeUnit.MILLISECONDS) == millis)
                .findFirst().orElseThrow()
                .count();
    }
}
