package dev.shop.broken.service;

import dev.shop.conventions.problem.ProblemException;
import jakarta.ws.rs.core.Response;

public class PaymentService {

    public Response pay() {
        throw new ProblemException(402, "urn:shop:problem:payment-required", "Payment required", "Pay first.");
    }
}
