package dev.shop.conventions.problem;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProblemExceptionTest {

    private final ProblemException shortStock =
            new ProblemException(409, "urn:shop:problem:insufficient-stock", "Insufficient stock", "Not enough MUG-001.");

    @Test
    void extensionMembersAndHeadersAreAddedToACopyInTheOrderGiven() {
        ProblemException detailed = shortStock.with("sku", "MUG-001").with("requested", 3).withHeader("Retry-After", "5");

        assertThat(detailed.extensions()).containsExactly(Map.entry("sku", "MUG-001"), Map.entry("requested", 3));
        assertThat(detailed.headers()).containsExactly(Map.entry("Retry-After", "5"));
        assertThat(detailed.status()).isEqualTo(409);
        assertThat(detailed.type()).isEqualTo("urn:shop:problem:insufficient-stock");
        assertThat(detailed.title()).isEqualTo("Insufficient stock");
        assertThat(detailed.detail()).isEqualTo("Not enough MUG-001.");
        assertThat(shortStock.extensions()).isEmpty();
        assertThat(shortStock.headers()).isEmpty();
    }

    @Test
    void theMembersCannotBeChangedBehindTheProblemsBack() {
        ProblemException detailed = shortStock.with("sku", "MUG-001");

        assertThatThrownBy(() -> detailed.extensions().put("sku", "other")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> detailed.headers().put("Retry-After", "1")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aGenericProblemIsAboutBlankAndCarriesNoStackTrace() {
        ProblemException generic = ProblemException.generic(400, "Bad Request", "Field quantity has the wrong type or shape.");

        assertThat(generic.type()).isEqualTo("about:blank");
        assertThat(generic.getMessage()).isEqualTo("Field quantity has the wrong type or shape.");
        assertThat(generic.getStackTrace()).isEmpty();
    }
}
