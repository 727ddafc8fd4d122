package dev.shop.broken.rest;

import jakarta.persistence.Entity;

@Entity
public class StockLevel {
}
