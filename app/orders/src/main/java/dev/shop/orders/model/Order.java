package dev.shop.orders.model;

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
import java.util.UUID;

/** A shopper's order; its id is also the reservation reference in catalog. */
@Entity
@Table(name = "orders")
public class Order {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false, length = 64)
    public String customerId;

    @Column(name = "idempotency_key", nullable = false, length = 128)
    public String idempotencyKey;

    /** Fingerprint of the checkout body, to tell a retry from a different request with a reused key. */
    @Column(name = "request_hash", nullable = false, length = 64)
    public String requestHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public OrderStatus status;

    @Column(name = "total_amount_minor")
    public Long totalAmountMinor;

    @Column(length = 3)
    public String currency;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST)
    @OrderBy("lineNumber")
    public List<OrderLine> lines = new ArrayList<>();
}
