package dev.shop.conventions.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemResponsesTest {

    private final ObjectMapper json = new ObjectMapper();
    private final ProblemResponses responses = new ProblemResponses(json);

    @Test
    void theBodyHasTheStandardMembersFirstThenTheExtensions() throws Exception {
        ProblemException problem = new ProblemException(404, "urn:shop:problem:product-not-found", "Product not found",
                "There is no product with sku MUG-404.").with("sku", "MUG-404");

        JsonNode body = json.readTree(responses.body(problem, "/api/products/sku/MUG-404"));

        assertThat(fieldNames(body)).containsExactly("type", "title", "status", "detail", "instance", "sku");
        assertThat(body.get("type").asText()).isEqualTo("urn:shop:problem:product-not-found");
        assertThat(body.get("status").asInt()).isEqualTo(404);
        assertThat(body.get("detail").asText()).isEqualTo("There is no product with sku MUG-404.");
        assertThat(body.get("instance").asText()).isEqualTo("/api/products/sku/MUG-404");
        assertThat(body.get("sku").asText()).isEqualTo("MUG-404");
    }

    @Test
    void anExtensionMemberNeverReplacesAStandardOne() throws Exception {
        ProblemException problem = ProblemException.generic(409, "Conflict", "Taken.").with("status", 200).with("type", "x");

        JsonNode body = json.readTree(responses.body(problem, "/api/orders"));

        assertThat(body.get("status").asInt()).isEqualTo(409);
        assertThat(body.get("type").asText()).isEqualTo("about:blank");
    }

    @Test
    void theResponseCarriesStatusMediaTypeAndHeaders() throws Exception {
        ProblemException problem = ProblemException.generic(503, "Service Unavailable", "Retry shortly.")
                .withHeader("Retry-After", "5");

        Response response = responses.response(problem, "/api/orders");

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(json.readTree((String) response.getEntity()).get("detail").asText()).isEqualTo("Retry shortly.");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
