package dev.shop.orders.service;

import dev.shop.orders.client.Reservation;
import dev.shop.orders.model.Order;
import dev.shop.orders.model.OrderLine;
import dev.shop.orders.model.OrderStatus;
import dev.shop.orders.repository.OrderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.hibernate.Hibernate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The short transactions of a checkout. None of them spans the call to catalog, so a slow catalog never
 * holds a database connection or a row lock.
 */
@ApplicationScoped
public class OrderStore {

    private final OrderRepository orders;

    public OrderStore(OrderRepository orders) {
        this.orders = orders;
    }

    /**
     * Claims the key for a new PENDING order.
     *
     * @return the order as written, or empty if the customer already used the key
     */
    @Transactional
    public Optional<Order> claim(UUID id, String customerId, String idempotencyKey, String requestHash) {
        Order order = new Order();
        order.id = id;
        order.customerId = customerId;
        order.idempotencyKey = idempotencyKey;
        order.requestHash = requestHash;
        order.status = OrderStatus.PENDING;
        // as PostgreSQL keeps it, so the first answer shows the time a replay reads back
        order.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (!orders.claim(id, customerId, idempotencyKey, requestHash, order.createdAt)) {
            return Optional.empty();
        }
        return Optional.of(order);
    }

    @Transactional
    public Optional<Order> byKey(String customerId, String idempotencyKey) {
        return orders.findByKey(customerId, idempotencyKey).map(OrderStore::withLines);
    }

    @Transactional
    public Optional<Order> byId(UUID id, String customerId) {
        return orders.findForCustomer(id, customerId).map(OrderStore::withLines);
    }

    @Transactional
    public List<Order> confirmedOf(String customerId, int limit) {
        List<Order> found = orders.confirmedOf(customerId, limit);
        found.forEach(OrderStore::withLines);
        return found;
    }

    /**
     * Records what catalog reserved and confirms the order {@link #claim claimed} by this checkout. The order
     * is not read back: the checkout holds it as written, and the UPDATE's condition tells whether it is still
     * pending (a checkout taken over as stale was forgotten meanwhile, and then nothing is written).
     */
    @Transactional
    public Order confirm(Order pending, Reservation reservation) {
        Order claimed = orders.getEntityManager().getReference(Order.class, pending.id);
        List<OrderLine> lines = new ArrayList<>();
        long total = 0;
        for (Reservation.Line reserved : reservation.lines()) {
            OrderLine line = new OrderLine();
            line.order = claimed;
            line.lineNumber = lines.size() + 1;
            line.sku = reserved.sku();
            line.name = reserved.name();
            line.quantity = reserved.quantity();
            line.unitPriceAmountMinor = reserved.unitPrice().amountMinor();
            line.currency = reserved.unitPrice().currency();
            lines.add(line);
            total = Math.addExact(total, Math.multiplyExact(line.unitPriceAmountMinor, (long) line.quantity));
        }
        Instant confirmedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String currency = reservation.lines().get(0).unitPrice().currency();
        int confirmed = orders.update("status = ?1, totalAmountMinor = ?2, currency = ?3, confirmedAt = ?4 "
                + "where id = ?5 and status = ?6", OrderStatus.CONFIRMED, total, currency, confirmedAt, pending.id,
                OrderStatus.PENDING);
        if (confirmed != 1) {
            throw new IllegalStateException("order " + pending.id + " is no longer pending");
        }
        lines.forEach(orders.getEntityManager()::persist);
        pending.status = OrderStatus.CONFIRMED;
        pending.totalAmountMinor = total;
        pending.currency = currency;
        pending.confirmedAt = confirmedAt;
        pending.lines = lines;
        return pending;
    }

    /** Forgets a checkout that failed, so that a retry with the same key tries again. */
    @Transactional
    public void abandon(UUID id) {
        orders.deletePending(id);
    }

    /** Forgets a checkout that may have reserved stock and, in the same transaction, owes catalog its release. */
    @Transactional
    public void abandonOwingRelease(UUID id) {
        orders.deletePending(id);
        orders.oweRelease(id.toString(), Instant.now());
    }

    @Transactional
    public void releaseDone(String reference) {
        orders.releaseDone(reference);
    }

    @Transactional
    public List<String> owedReleases(int limit) {
        return orders.owedReleases(limit);
    }

    private static Order withLines(Order order) {
        Hibernate.initialize(order.lines);
        return order;
    }
}
