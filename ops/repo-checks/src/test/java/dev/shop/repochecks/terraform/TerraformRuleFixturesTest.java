package dev.shop.repochecks.terraform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule fails on a small broken tree under src/test/resources/terraform/; the table of
 * fixtures, rules and expected findings is broken-fixtures.csv there.
 */
class TerraformRuleFixturesTest {

    private static final String TABLE = "/terraform/broken-fixtures.csv";

    /** Parsed once per fixture: each parse starts Node and the WebAssembly parser. */
    private static final Map<String, TerraformRule.Inputs> FIXTURES = new ConcurrentHashMap<>();

    private static TerraformRule.Inputs fixture(String name) {
        return FIXTURES.computeIfAbsent(name, TerraformRule.Inputs::fixture);
    }

    @ParameterizedTest(name = "{0} / {1}: {2}")
    @CsvFileSource(resources = TABLE, delimiter = '|', quoteCharacter = '\'', numLinesToSkip = 1)
    void ruleReportsTheBrokenFixture(String fixture, TerraformRule rule, String expected) {
        List<String> findings = rule.check(fixture(fixture));

        assertThat(findings).as("findings of %s on %s", rule, fixture).anyMatch(finding -> finding.contains(expected));
    }

    @Test
    void everyRuleHasABrokenFixture() throws IOException {
        List<String> lines = Files.readAllLines(RepoPaths.fixture("broken-fixtures.csv"));
        List<String> tested = lines.stream().skip(1).map(line -> line.split("\\|")[1].strip()).distinct().toList();

        assertThat(tested).containsExactlyInAnyOrderElementsOf(TerraformRule.all().stream().map(TerraformRule::name).toList());
    }

    @Test
    void literalStringsAreNotReferences() {
        assertThat(ReferenceRules.variablesDeclaredAndUsed(fixture("variables").tree())).noneMatch(finding -> finding.contains("literal_only"));
    }
}
