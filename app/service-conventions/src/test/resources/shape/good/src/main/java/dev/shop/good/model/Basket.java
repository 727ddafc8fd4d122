package dev.shop.good.model;

import jakarta.persistence.Entity;

@Entity
public class Basket {
}
