package dev.shop.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check every fake runs against its provider's document, on a small document of the same form. */
class ProviderContractTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "info": {"title": "catalog", "version": "1.0.0"},
             "paths": {
               "/api/reservations": {"post": {
                 "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Request"}}}},
                 "responses": {"201": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Reservation"}}}},
                               "409": {"description": "short stock"}}}},
               "/api/products/sku/{sku}": {"get": {"responses": {"200": {"description": "a product"}}}}},
             "components": {"schemas": {
               "Request": {"type": "object", "required": ["reference"],
                           "properties": {"reference": {"type": "string"}, "quantity": {"type": "integer"}}},
               "Reservation": {"type": "object", "required": ["reference", "unitPrice"],
                               "properties": {"reference": {"type": "string"}, "unitPrice": {"$ref": "#/components/schemas/Money"}}},
               "Money": {"type": "object", "properties": {"amountMinor": {"type": "integer"}}}}}}
            """;

    private final ProviderContract contract = ProviderContract.of("catalog", DOCUMENT);

    @Test
    void whatTheProviderDocumentsPasses() {
        assertEquals(0, contract.checkRequest("POST", "/api/reservations", "{\"reference\":\"r1\",\"quantity\":2}").size());
        assertEquals(0, contract.checkResponse("POST", "/api/reservations", 201,
                "{\"reference\":\"r1\",\"unitPrice\":{\"amountMinor\":1299}}").size());
        assertEquals(0, contract.checkResponse("GET", "/api/products/sku/MUG-001", 200, "{}").size());
        assertEquals(0, contract.checkResponse("POST", "/api/reservations", 409, "{\"status\":409}").size());
    }

    @Test
    void aFakeThatDriftedIsCaught() {
        assertTrue(contract.checkResponse("POST", "/api/reservations", 201,
                "{\"reference\":\"r1\",\"unitPrice\":{\"amountMinor\":\"12.99\"}}").get(0).contains("amountMinor"),
                "a price the provider never sends");
        assertEquals(1, contract.checkResponse("POST", "/api/reservations", 201, "{\"reference\":\"r1\"}").size(),
                "a required member missing");
        assertEquals(1, contract.checkResponse("POST", "/api/reservations", 201,
                "{\"reference\":\"r1\",\"unitPrice\":{\"amountMinor\":1},\"items\":[]}").size(),
                "a member the provider does not send");
        assertEquals(1, contract.checkResponse("POST", "/api/reservations", 200, "{}").size(), "a status not documented");
        assertEquals(1, contract.checkResponse("DELETE", "/api/reservations", 204, "").size(), "an operation not documented");
        assertFalse(contract.checkRequest("POST", "/api/reservations", "{\"quantity\":\"2\"}").isEmpty(),
                "a request the provider would refuse");
        assertEquals(1, contract.checkRequest("GET", "/api/products/sku/MUG-001/stock", null).size(), "an unknown path");
    }

    @Test
    void theServedDocumentIsComparedWithoutItsVersionAndWrittenOutWhenItDiffers(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("served.json");
        String message = ProviderContract.differenceFromServed("no-such-provider", DOCUMENT, copy);
        assertTrue(message.contains("docs/contracts/no-such-provider.openapi.json"), message);
        assertTrue(Files.readString(copy).contains("\"openapi\""));
    }
}
