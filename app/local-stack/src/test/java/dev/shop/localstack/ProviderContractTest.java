package dev.shop.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import static org.assertj.core.api.Assertions.assertThat;


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
        assertThat(contract.checkRequest("POST", "/api/reservations", "{\"reference\":\"r1\",\"quantity\":2}").size()).isEqualTo(0);
        assertThat(contract.checkResponse("POST", "/api/reservations", 201,
                "{\"reference\":\"r1\",\"unitPrice\":{\"amountMinor\":1299}}").size()).isEqualTo(0);
        assertThat(contract.checkResponse("GET", "/api/products/sku/MUG-001", 200, "{}").size()).isEqualTo(0);
        assertThat(contract.checkResponse("POST", "/api/reservations", 409, "{\"status\":409}").size()).isEqualTo(0);
    }

    @Test
    void aFakeThatDriftedIsCaught() {
        assertThat(contract.checkResponse("POST", "/api/reservations", 201,
                "{\"reference\":\"r1\",\"unitPrice\":{\"amountMinor\":\"12.99\"}}").get(0).contains("amountMinor")).as("a price the provider never sends").isTrue();
        assertThat(contract.checkResponse("POST", "/api/reservations", 201, "{\"reference\":\"r1\"}").size()).as("a required member missing").isEqualTo(1);
        assertThat(contract.checkResponse("POST", "/api/reservations", 201,
                "{\"reference\":\"r1\",\"unitPrice\":{\"amountMinor\":1},\"items\":[]}").size()).as("a member the provider does not send").isEqualTo(1);
        assertThat(contract.checkResponse("POST", "/api/reservations", 200, "{}").size()).as("a status not documented").isEqualTo(1);
        assertThat(contract.checkResponse("DELETE", "/api/reservations", 204, "").size()).as("an operation not documented").isEqualTo(1);
        assertThat(contract.checkRequest("POST", "/api/reservations", "{\"quantity\":\"2\"}").isEmpty()).as("a request the provider would refuse").isFalse();
        assertThat(contract.checkRequest("GET", "/api/products/sku/MUG-001/stock", null).size()).as("an unknown path").isEqualTo(1);
    }

    @Test
    void theServedDocumentIsComparedWithoutItsVersionAndWrittenOutWhenItDiffers(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("served.json");
        String message = ProviderContract.differenceFromServed("no-such-provider", DOCUMENT, copy);
        assertThat(message.contains("docs/contracts/no-such-provider.openapi.json")).as(message).isTrue();
        assertThat(Files.readString(copy).contains("\"openapi\"")).isTrue();
    }
}
