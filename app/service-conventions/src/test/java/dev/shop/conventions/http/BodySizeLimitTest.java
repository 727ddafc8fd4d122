package dev.shop.conventions.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BodySizeLimitTest {

    private static final long LIMIT = 64 * 1024;

    @Test
    void onlyALengthAboveTheLimitIsRefused() {
        assertThat(BodySizeLimit.isOver("65536", LIMIT)).isFalse();
        assertThat(BodySizeLimit.isOver("65537", LIMIT)).isTrue();
        assertThat(BodySizeLimit.isOver("0", LIMIT)).isFalse();
    }

    @Test
    void aLengthThatIsNotANumberIsLeftToTheServer() {
        assertThat(BodySizeLimit.isOver("lots", LIMIT)).isFalse();
    }
}
