package dev.shop.conventions.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictJsonCustomizerTest {

    record Line(String sku, Integer quantity) {
    }

    record Primitive(int count) {
    }

    private final ObjectMapper strict = strictMapper();

    static ObjectMapper strictMapper() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJsonCustomizer().customize(mapper);
        return mapper;
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
    void withoutTheCustomizerJacksonWouldGuess() throws Exception {
        ObjectMapper lenient = new ObjectMapper();

        assertThat(lenient.readValue("{\"sku\":12,\"quantity\":\"2\"}", Line.class)).isEqualTo(new Line("12", 2));
        assertThatThrownBy(() -> strict.readValue("{\"sku\":12,\"quantity\":\"2\"}", Line.class))
                .isInstanceOfAny(MismatchedInputException.class, InvalidFormatException.class);
    }
}
