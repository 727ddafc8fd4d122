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

    @Transactional
    public boolean claim(UUID id, String customerId, String idempotencyKey, String requestHash) {
        return orders.claim(id, customerId, idempotencyKey, requestHash, Instant.now());
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

    /** Records what catalog reserved and confirms the order. */
    @Transactional
    public Order confirm(UUID id, Reservation reservation) {
        Order order = orders.findById(id);
        Hibernate.initialize(order.lines);
        long total = 0;
        int number = 0;
        for (Reservation.Line reserved : reservation.lines()) {
            OrderLine line = new OrderLine();
            line.order = order;
            line.lineNumber = ++number;
            line.sku = reserved.sku();
            line.name = reserved.name();
            line.quantity = reserved.quantity();
            line.unitPriceAmountMinor = reserved.unitPrice().amountMinor();
            line.currency = reserved.unitPrice().currency();
            order.lines.add(line);
            total = Math.addExact(total, Math.multiplyExact(line.unitPriceAmountMinor, (long) line.quantity));
        }
        order.totalAmountMinor = total;
        order.currency = reservation.lines().get(0).unitPrice().currency();
        order.status = OrderStatus.CONFIRMED;
        order.confirmedAt = Instant.now();
        orders.persist(order);
        return order;
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
