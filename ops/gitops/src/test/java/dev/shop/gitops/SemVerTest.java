package dev.shop.gitops;

import dev.shop.gitops.semver.SemVer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SemVerTest {

    @Test
    void ordersVersionsByPrecedenceFromTheSpec() {
        List<String> ascending = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0-alpha.3", "1.1.0", "2.0.0");
        for (int i = 0; i + 1 < ascending.size(); i++) {
            SemVer lower = SemVer.parse(ascending.get(i)).orElseThrow();
            SemVer higher = SemVer.parse(ascending.get(i + 1)).orElseThrow();
            assertThat(lower).as(lower + " < " + higher).isLessThan(higher);
            assertThat(higher).as(higher + " > " + lower).isGreaterThan(lower);
        }
    }

    @Test
    void readsATagWithVAndIgnoresBuildMetadataInPrecedence() {
        assertThat(SemVer.parse("v1.4.0-rc.2")).hasValueSatisfying(v -> assertThat(v.toString()).isEqualTo("1.4.0-rc.2"));
        assertThat(SemVer.parse("1.0.0+build.5").orElseThrow()).isEqualByComparingTo(SemVer.of(1, 0, 0));
    }

    @Test
    void rejectsWhatIsNotASemVer() {
        assertThat(SemVer.parse("1.2")).isEmpty();
        assertThat(SemVer.parse("01.2.3")).isEmpty();
        assertThat(SemVer.parse("latest")).isEmpty();
        assertThat(SemVer.parse("1.2.3-")).isEmpty();
    }
}
