package dev.shop.orders.repository;

import dev.shop.orders.model.Order;
import dev.shop.orders.model.OrderStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<Order, UUID> {

    /**
     * Inserts a PENDING order for the key unless the customer already used it. The unique constraint
     * on (customer_id, idempotency_key) decides: a concurrent insert of the same key waits for the
     * first transaction and then does nothing.
     *
     * @return true if this call claimed the key
     */
    public boolean claim(UUID id, String customerId, String idempotencyKey, String requestHash, Instant now) {
        return getEntityManager().createNativeQuery("""
                        INSERT INTO orders (id, customer_id, idempotency_key, request_hash, status, created_at)
                        VALUES (:id, :customer, :key, :hash, 'PENDING', :now)
                        ON CONFLICT (customer_id, idempotency_key) DO NOTHING""")
                .setParameter("id", id)
                .setParameter("customer", customerId)
                .setParameter("key", idempotencyKey)
                .setParameter("hash", requestHash)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    public Optional<Order> findByKey(String customerId, String idempotencyKey) {
        return find("customerId = ?1 and idempotencyKey = ?2", customerId, idempotencyKey).firstResultOptional();
    }

    public Optional<Order> findForCustomer(UUID id, String customerId) {
        return find("id = ?1 and customerId = ?2", id, customerId).firstResultOptional();
    }

    public List<Order> confirmedOf(String customerId, int limit) {
        return find("customerId = ?1 and status = ?2", Sort.descending("createdAt").and("id"), customerId,
                OrderStatus.CONFIRMED).page(Page.ofSize(limit)).list();
    }

    /** Removes a PENDING order (its checkout failed), so that a retry with the key starts afresh. */
    public boolean deletePending(UUID id) {
        return delete("id = ?1 and status = ?2", id, OrderStatus.PENDING) == 1;
    }

    /** Records that catalog is owed the release of a reservation; recording it twice changes nothing. */
    public void oweRelease(String reference, Instant now) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO owed_release (reference, since) VALUES (:reference, :now)
                        ON CONFLICT (reference) DO NOTHING""")
                .setParameter("reference", reference)
                .setParameter("now", now)
                .executeUpdate();
    }

    public void releaseDone(String reference) {
        getEntityManager().createNativeQuery("DELETE FROM owed_release WHERE reference = :reference")
                .setParameter("reference", reference)
                .executeUpdate();
    }

    /** The oldest releases still owed, at most {@code limit}. */
    @SuppressWarnings("unchecked")
    public List<String> owedReleases(int limit) {
        return getEntityManager().createNativeQuery("SELECT reference FROM owed_release ORDER BY since LIMIT :limit")
                .setParameter("limit", limit)
                .getResultList();
    }
}
