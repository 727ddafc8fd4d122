package dev.shop.catalog.model;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Stock held for one reference (an order id), all lines or none. */
@Entity
@Table(name = "reservation")
public class Reservation {

    @Id
    @Column(length = 64)
    public String reference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ReservationStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "released_at")
    public Instant releasedAt;

    @OneToMany(mappedBy = "reservation", cascade = CascadeType.PERSIST)
    @OrderBy("sku")
    public List<ReservationLine> lines = new ArrayList<>();
}
