package dev.shop.broken.model;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

public class BasketRepository implements PanacheRepository<Basket> {
}
