package dev.shop.good.service;

import dev.shop.conventions.failure.Failure;

public class PaymentService {

    public void pay() {
        throw Failure.of(Failure.Kind.REFUSED, "payment-required", "Payment required", "Pay first.");
    }
}
