package dev.shop.catalog.service;

import dev.shop.catalog.model.Reservation;
import dev.shop.catalog.model.ReservationLine;
import dev.shop.catalog.model.ReservationStatus;
import dev.shop.catalog.repository.ProductRepository;
import dev.shop.catalog.repository.ReservationRepository;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.hibernate.Hibernate;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Holds stock for orders: all lines or none, never more than there is, once per reference.
 * Release gives the stock back (the orders service's compensation when checkout fails later).
 */
@ApplicationScoped
public class ReservationService {

    /** A line as asked for: the product and how many. */
    public record Request(String sku, int quantity) {
    }

    public record Outcome(Reservation reservation, boolean created) {
    }

    private final ProductRepository products;
    private final ReservationRepository reservations;

    public ReservationService(ProductRepository products, ReservationRepository reservations) {
        this.products = products;
        this.reservations = reservations;
    }

    /**
     * Reserves every line or none of them (any failure rolls the whole transaction back). Replaying a
     * reference returns the reservation made the first time and takes no more stock.
     */
    @Transactional
    public Outcome reserve(String reference, List<Request> requested) {
        List<Request> lines = normalise(requested);
        if (!reservations.claim(reference, ReservationStatus.ACTIVE)) {
            return new Outcome(replay(reference, lines), false);
        }
        // Nothing this transaction wrote is read back: the answer is built from what it wrote, and the lines
        // refer to the claimed row by its key (a reference, no SELECT).
        Reservation claimed = reservations.getEntityManager().getReference(Reservation.class, reference);
        Reservation reservation = new Reservation();
        reservation.reference = reference;
        reservation.status = ReservationStatus.ACTIVE;
        // A fixed order (by sku) of row locks keeps two multi-line reservations from deadlocking.
        for (Request line : lines) {
            ProductRepository.TakenStock taken = products.takeStock(line.sku(), line.quantity())
                    .orElseThrow(() -> products.findBySku(line.sku()).isEmpty()
                            ? Failures.skuNotFound(line.sku())
                            : Failures.insufficientStock(line.sku(), line.quantity()));
            ReservationLine reserved = lineOf(claimed, taken, line.quantity());
            reservations.getEntityManager().persist(reserved);
            reservation.lines.add(reserved);
        }
        Log.infof("reserved %d line(s) for %s", lines.size(), reference);
        return new Outcome(reservation, true);
    }

    /**
     * Gives the stock of an active reservation back; releasing twice, or a reference never reserved,
     * changes nothing. A release of an unknown reference leaves a tombstone, so that a reservation
     * arriving late (a timed-out request the caller already gave up on) cannot hold stock forever.
     */
    @Transactional
    public void release(String reference) {
        if (reservations.claim(reference, ReservationStatus.RELEASED)) {
            Log.infof("release of unknown reservation %s recorded", reference);
            return;
        }
        if (!reservations.markReleased(reference)) {
            Log.debugf("reservation %s was already released", reference);
            return;
        }
        Reservation reservation = reservations.findById(reference);
        for (ReservationLine line : reservation.lines) {
            products.returnStock(line.productId, line.quantity);
        }
        Log.infof("released reservation %s (%d line(s))", reference, reservation.lines.size());
    }

    private Reservation replay(String reference, List<Request> lines) {
        Reservation existing = reservations.findById(reference);
        if (existing.status == ReservationStatus.RELEASED) {
            throw Failures.reservationReleased(reference);
        }
        Map<String, Integer> held = existing.lines.stream()
                .collect(Collectors.toMap(line -> line.sku, line -> line.quantity));
        Map<String, Integer> asked = lines.stream().collect(Collectors.toMap(Request::sku, Request::quantity));
        if (!held.equals(asked)) {
            throw Failures.reservationMismatch(reference);
        }
        Log.debugf("reservation %s replayed", reference);
        return existing;
    }

    private static List<Request> normalise(List<Request> requested) {
        Set<String> seen = new HashSet<>();
        List<Request> lines = requested.stream()
                .map(line -> new Request(line.sku().toUpperCase(Locale.ROOT), line.quantity()))
                .sorted(Comparator.comparing(Request::sku))
                .toList();
        for (Request line : lines) {
            if (!seen.add(line.sku())) {
                throw Failures.duplicateLine(line.sku());
            }
        }
        return lines;
    }

    private static ReservationLine lineOf(Reservation reservation, ProductRepository.TakenStock product,
                                         int quantity) {
        ReservationLine line = new ReservationLine();
        line.reservation = reservation;
        line.productId = product.productId();
        line.sku = product.sku();
        line.name = product.name();
        line.quantity = quantity;
        line.unitPriceAmountMinor = product.priceAmountMinor();
        line.currency = product.currency();
        return line;
    }
}
