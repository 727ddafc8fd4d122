package dev.shop.conventions.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictRequestBodiesTest {

    record Line(String sku, Integer quantity) {
    }

    record Primitive(int count) {
    }

    private final ObjectMapper strict = strictMapper();

    static ObjectMapper strictMapper() {
        return StrictRequestBodies.strictCopyOf(new ObjectMapper());
    }

    @Test
    void aBodyWithTheDocumentedTypesIsRead() throws Exception {
        assertThat(strict.readValue("{\"sku\":\"MUG-001\",\"quantity\":2}", Line.class)).isEqualTo(new Line("MUG-001", 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2\"", "1.5", "2.0", "true"})
    void aQuantityThatIsNotAnIntegerIsRefused(String quantity) {
        assertThatThrownBy(() -> strict.readValue("{\"sku\":\"MUG-001\",\"quantity\":" + quantity + "}", Line.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "1.5", "false"})
    void aSkuThatIsNotAStringIsRefused(String sku) {
        assertThatThrownBy(() -> strict.readValue("{\"sku\":" + sku + ",\"quantity\":1}", Line.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void aPrimitiveIsAsStrictAsABoxedInteger() {
        assertThatThrownBy(() -> strict.readValue("{\"count\":\"3\"}", Primitive.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void anUnknownFieldIsRefusedNotIgnored() {
        assertThatThrownBy(() -> strict.readValue("{\"sku\":\"MUG-001\",\"quantiy\":2}", Line.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void aNullForAPrimitiveIsRefusedNotReadAsZero() {
        assertThatThrownBy(() -> strict.readValue("{\"count\":null}", Primitive.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void withoutItJacksonWouldGuess() throws Exception {
        ObjectMapper lenient = new ObjectMapper();

        assertThat(lenient.readValue("{\"sku\":12,\"quantity\":\"2\"}", Line.class)).isEqualTo(new Line("12", 2));
        assertThatThrownBy(() -> strict.readValue("{\"sku\":12,\"quantity\":\"2\"}", Line.class))
                .isInstanceOfAny(MismatchedInputException.class, InvalidFormatException.class);
    }

    @Test
    void theSharedMapperStaysTolerantForWhatClientsRead() throws Exception {
        ObjectMapper shared = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

        StrictRequestBodies.strictCopyOf(shared);

        assertThat(shared.readValue("{\"sku\":\"MUG-001\",\"quantity\":2,\"addedLater\":true}", Line.class))
                .isEqualTo(new Line("MUG-001", 2));
    }

    @Test
    void aServiceThatHasNotOptedInKeepsTheSharedMapper() {
        ObjectMapper shared = new ObjectMapper();

        assertThat(new StrictRequestBodies(shared, false).getContext(Line.class)).isNull();
        assertThat(new StrictRequestBodies(shared, true).getContext(Line.class)).isNotNull().isNotSameAs(shared);
    }
}
