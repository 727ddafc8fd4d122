package dev.shop.catalog.repository;

import dev.shop.catalog.model.Reservation;
import dev.shop.catalog.model.ReservationStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ReservationRepository implements PanacheRepositoryBase<Reservation, String> {

    /**
     * Claims {@code reference} for a new reservation. Concurrent claims of one reference wait on the
     * primary key until the first transaction ends, so exactly one of them wins.
     *
     * @return true if this transaction now owns the reference
     */
    public boolean claim(String reference, ReservationStatus status) {
        return getEntityManager().createNativeQuery("""
                        INSERT INTO reservation (reference, status, created_at, released_at)
                        VALUES (:reference, :status, now(), CASE WHEN :status = 'RELEASED' THEN now() END)
                        ON CONFLICT (reference) DO NOTHING""")
                .setParameter("reference", reference)
                .setParameter("status", status.name())
                .executeUpdate() == 1;
    }

    /** @return true if the reservation was active and is released now */
    public boolean markReleased(String reference) {
        return update("status = ?1, releasedAt = current_timestamp where reference = ?2 and status = ?3",
                ReservationStatus.RELEASED, reference, ReservationStatus.ACTIVE) == 1;
    }
}
