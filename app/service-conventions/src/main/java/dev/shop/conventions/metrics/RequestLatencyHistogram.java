package dev.shop.conventions.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.stream.LongStream;

/**
 * Publishes HTTP server latency as a Prometheus histogram, so the dashboard's p50/p95/p99 and the
 * latency SLO alerts (threshold 0.5 s) can aggregate across pods. Fixed buckets rather than
 * Micrometer's full percentile histogram keep the series count per endpoint small.
 * Active in every service that depends on this library: all of them feed the same dashboard.
 */
@Singleton
public class RequestLatencyHistogram implements MeterFilter {

    /** The bucket bounds; 500 ms is the latency SLO threshold, so {@code le="0.5"} exists exactly. */
    static final long[] BUCKETS_MILLIS = {5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000};

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (!HTTP_SERVER_REQUESTS.equals(id.getName())) {
            return config;
        }
        double[] bucketsNanos = LongStream.of(BUCKETS_MILLIS)
                .mapToDouble(millis -> Duration.ofMillis(millis).toNanos())
                .toArray();
        return DistributionStatisticConfig.builder()
                .serviceLevelObjectives(bucketsNanos)
                .build()
                .merge(config);
    }
}
