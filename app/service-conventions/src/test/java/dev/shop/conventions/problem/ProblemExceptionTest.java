package dev.shop.conventions.problem;

import dev.shop.conventions.failure.Failure;
import dev.shop.conventions.failure.Failure.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
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

    @ParameterizedTest
    @CsvSource({"INVALID, 400", "NOT_FOUND, 404", "CONFLICT, 409", "REFUSED, 422", "UNAVAILABLE, 503"})
    void aServiceFailureIsAnsweredWithTheStatusOfItsKind(Kind kind, int status) {
        ProblemException problem = ProblemException.of(Failure.of(kind, "some-code", "Some title", "Some detail."));

        assertThat(problem.status()).isEqualTo(status);
        assertThat(problem.type()).isEqualTo("urn:shop:problem:some-code");
        assertThat(problem.title()).isEqualTo("Some title");
        assertThat(problem.detail()).isEqualTo("Some detail.");
        assertThat(problem.headers()).isEmpty();
    }

    @Test
    void aFailureKeepsItsMembersAndItsWaitBecomesRetryAfter() {
        Failure inProgress = Failure.of(Kind.CONFLICT, "checkout-in-progress", "Checkout in progress", "Still going.")
                .with("sku", "MUG-001").retryAfter(Duration.ofSeconds(5));

        ProblemException problem = ProblemException.of(inProgress);

        assertThat(problem.extensions()).containsExactly(Map.entry("sku", "MUG-001"));
        assertThat(problem.headers()).containsExactly(Map.entry("Retry-After", "5"));
    }
}
