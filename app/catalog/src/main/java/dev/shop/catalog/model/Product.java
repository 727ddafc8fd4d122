package dev.shop.catalog.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A product of the shop with its current price and stock. */
@Entity
@Table(name = "product")
public class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, length = 32)
    public String sku;

    @Column(nullable = false, length = 120)
    public String name;

    @Column(nullable = false, length = 2000)
    public String description;

    @Column(name = "price_amount_minor", nullable = false)
    public long priceAmountMinor;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(nullable = false)
    public int stock;

    @Column(name = "image_url", length = 300)
    public String imageUrl;

    /** Optimistic lock: an admin update never silently overwrites a concurrent stock reservation. */
    @Version
    @Column(nullable = false)
    public long version;

    // Private, unlike the fields above: only the callbacks below and ProductRepository's HQL write them.
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Instant.now();
    }
}
