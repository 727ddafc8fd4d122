package dev.shop.storefront.config;

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
 */
@Singleton
public class RequestLatencyHistogram implements MeterFilter {

    static final long[] BUCKETS_MILLIS = {5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000};

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (!"http.server.requests".equals(id.getName())) {
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
