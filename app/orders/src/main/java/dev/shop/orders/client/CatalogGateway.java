package dev.shop.orders.client;

import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Catalog behind timeouts, retries and a circuit breaker. Retrying is safe because catalog
 * reservations and releases are idempotent by reference. Only outages (no answer, a timeout, a 5xx)
 * are retried and trip the breaker; a refusal (short stock, unknown sku) is an answer and is final.
 * Each attempt is bounded by the client's read timeout and by {@link Timeout}; the numbers below make
 * the worst reservation {@link #WORST_RESERVE}, which the checkout's answer time exceeds
 * (docs/architecture.md, "Time budget").
 */
@ApplicationScoped
public class CatalogGateway {

    public static final String RESERVE_BREAKER = "catalog-reserve";
    public static final String RELEASE_BREAKER = "catalog-release";

    public static final long ATTEMPT_TIMEOUT_MILLIS = 3000;
    static final int RESERVE_RETRIES = 2;
    static final long RETRY_DELAY_MILLIS = 200;
    static final long RETRY_JITTER_MILLIS = 100;
    /** Every attempt times out and every pause is as long as jitter allows. */
    public static final Duration WORST_RESERVE = Duration.ofMillis((RESERVE_RETRIES + 1) * ATTEMPT_TIMEOUT_MILLIS
            + RESERVE_RETRIES * (RETRY_DELAY_MILLIS + RETRY_JITTER_MILLIS));

    private final CatalogClient catalog;

    public CatalogGateway(@RestClient CatalogClient catalog) {
        this.catalog = catalog;
    }

    @Timeout(ATTEMPT_TIMEOUT_MILLIS)
    @Retry(maxRetries = RESERVE_RETRIES, delay = RETRY_DELAY_MILLIS, jitter = RETRY_JITTER_MILLIS,
            retryOn = {CatalogUnavailableException.class, TimeoutException.class},
            abortOn = {CatalogRejectedException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, successThreshold = 2,
            failOn = {CatalogUnavailableException.class, TimeoutException.class})
    @CircuitBreakerName(RESERVE_BREAKER)
    public Reservation reserve(String reference, List<ReservationRequest.Line> lines) {
        Log.debugf("reserving %d line(s) for %s", lines.size(), reference);
        try {
            return catalog.reserve(new ReservationRequest(reference, lines));
        } catch (ProcessingException e) {
            throw new CatalogUnavailableException("catalog unreachable: " + e.getMessage(), e);
        }
    }

    /**
     * Asynchronous, so that a checkout answering 503 does not also wait for the compensation's retries;
     * the release keeps trying in the background.
     */
    @Asynchronous
    @Timeout(ATTEMPT_TIMEOUT_MILLIS)
    @Retry(maxRetries = 3, delay = 500, jitter = 200,
            retryOn = {CatalogUnavailableException.class, TimeoutException.class},
            abortOn = CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, successThreshold = 2,
            failOn = {CatalogUnavailableException.class, TimeoutException.class})
    @CircuitBreakerName(RELEASE_BREAKER)
    public CompletionStage<Void> release(String reference) {
        Log.debugf("releasing reservation %s", reference);
        try {
            catalog.release(reference);
            return CompletableFuture.completedFuture(null);
        } catch (ProcessingException e) {
            throw new CatalogUnavailableException("catalog unreachable: " + e.getMessage(), e);
        }
    }
}
