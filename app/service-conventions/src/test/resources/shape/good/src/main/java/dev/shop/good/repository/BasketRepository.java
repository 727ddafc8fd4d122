package dev.shop.good.repository;

import dev.shop.good.model.Basket;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

public class BasketRepository implements PanacheRepository<Basket> {
}
