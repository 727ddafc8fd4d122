package dev.shop.conventions.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.conventions.json.StrictRequestBodies;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The details the mappers write, from real Jackson and Hibernate Validator failures. */
class ProblemMappersTest {

    record Line(@NotBlank String sku, @Positive @Max(1000) Integer quantity) {
    }

    record Reservation(String reference, List<@Valid Line> lines) {
    }

    /** Stands for a resource: Bean Validation names violations from the method and its parameter. */
    static class ReservationResource {
        @SuppressWarnings("unused")
        public void reserve(@Valid Reservation request) {
        }
    }

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

    private final ObjectMapper strict = strictMapper();

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    @Test
    void malformedJsonIsLocatedByLineAndColumn() {
        assertThat(detailFor("{\n  \"reference\": \"r-1\",\n  \"lines\" []\n}")).isEqualTo(
                "The body is not valid JSON (line 3, column 11).");
    }

    @Test
    void anUnknownFieldIsNamedByItsPathInTheBody() {
        assertThat(detailFor("{\"reference\":\"r-1\",\"lines\":[{\"sku\":\"MUG-001\",\"quantiy\":2}]}"))
                .isEqualTo("Unknown field lines[0].quantiy.");
    }

    @Test
    void aWrongTypeIsNamedByItsPathInTheBody() {
        assertThat(detailFor("{\"reference\":\"r-1\",\"lines\":[{\"sku\":\"MUG-001\",\"quantity\":1},"
                + "{\"sku\":\"MUG-002\",\"quantity\":\"2\"}]}")).isEqualTo("Field lines[1].quantity has the wrong type or shape.");
    }

    @Test
    void aBodyOfTheWrongShapeAltogetherSaysSo() {
        assertThat(detailFor("[1, 2]")).isEqualTo("The body does not have the expected JSON shape.");
    }

    @Test
    void aViolationOnAResourceParameterIsNamedAsTheClientWroteIt() throws Exception {
        Method reserve = ReservationResource.class.getMethod("reserve", Reservation.class);
        Reservation request = new Reservation("r-1", List.of(new Line("MUG-001", 1), new Line(" ", 1001)));

        Set<ConstraintViolation<ReservationResource>> violations = VALIDATION.getValidator().forExecutables()
                .validateParameters(new ReservationResource(), reserve, new Object[] {request});

        assertThat(violations.stream().map(ProblemMappers::field))
                .containsExactlyInAnyOrder("lines[1].sku", "lines[1].quantity");
    }

    @Test
    void aViolationOnABeanIsNamedByItsProperty() {
        Set<ConstraintViolation<Line>> violations = VALIDATION.getValidator().validate(new Line("MUG-001", 0));

        assertThat(violations.stream().map(ProblemMappers::field)).containsExactly("quantity");
    }

    private String detailFor(String body) {
        JsonProcessingException failure = catchThrowableOfType(JsonProcessingException.class,
                () -> strict.readValue(body, Reservation.class));
        assertThat(failure).as("Jackson refuses %s", body).isNotNull();
        return ProblemMappers.unreadableDetail(failure);
    }

    private static ObjectMapper strictMapper() {
        return StrictRequestBodies.strictCopyOf(new ObjectMapper());
    }
}
