package dev.shop.catalog.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One product of a reservation, with the name and price it had when it was reserved. */
@Entity
@Table(name = "reservation_line")
public class ReservationLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "reservation_reference", nullable = false)
    public Reservation reservation;

    @Column(name = "product_id", nullable = false)
    public long productId;

    @Column(nullable = false, length = 32)
    public String sku;

    @Column(nullable = false, length = 120)
    public String name;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "unit_price_amount_minor", nullable = false)
    public long unitPriceAmountMinor;

    @Column(nullable = false, length = 3)
    public String currency;
}
