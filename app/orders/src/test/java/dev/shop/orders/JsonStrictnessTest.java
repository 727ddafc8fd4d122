package dev.shop.orders;

import com.sun.net.httpserver.HttpServer;
import dev.shop.orders.client.CatalogClient;
import dev.shop.orders.client.Reservation;
import dev.shop.orders.client.ReservationRequest;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.shop.orders.TestData.checkoutAs;
import static dev.shop.orders.TestData.newCustomer;
import static dev.shop.orders.TestData.newKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Strict for the bodies orders accepts, tolerant for the answers it reads from catalog (decision 0506). */
@OrdersWithCatalogStub
class JsonStrictnessTest {

    /** Catalog's reservation answer with a member it might add one day, at the top and in a line. */
    private static final String ANSWER_WITH_NEW_FIELDS = """
            {"reference":"r-1","warehouse":"north","lines":[{"sku":"MUG-001","name":"Mug","quantity":2,
             "unitPrice":{"amountMinor":1299,"currency":"EUR"},"reservedUntil":"2026-12-01T00:00:00Z"}]}""";

    @Test
    void aCheckoutWithAnUnknownFieldIsABadRequest() {
        checkoutAs(newCustomer(), newKey())
                .body("{\"lines\": [{\"sku\": \"MUG-001\", \"quantity\": 1}], \"coupon\": \"FREE\"}")
                .when().post("/api/orders")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("Unknown field coupon."));
    }

    @Test
    void anAnswerFromCatalogWithFieldsAddedLaterIsRead() throws IOException {
        HttpServer catalog = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        catalog.createContext("/api/reservations", exchange -> {
            byte[] body = ANSWER_WITH_NEW_FIELDS.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        catalog.start();
        try {
            CatalogClient client = QuarkusRestClientBuilder.newBuilder()
                    .baseUri(URI.create("http://127.0.0.1:" + catalog.getAddress().getPort()))
                    .build(CatalogClient.class);

            Reservation reservation = client.reserve(
                    new ReservationRequest("r-1", List.of(new ReservationRequest.Line("MUG-001", 2))));

            assertThat(reservation.lines()).containsExactly(new Reservation.Line("MUG-001", "Mug", 2,
                    new Reservation.Price(1299, "EUR")));
        } finally {
            catalog.stop(0);
        }
    }
}
