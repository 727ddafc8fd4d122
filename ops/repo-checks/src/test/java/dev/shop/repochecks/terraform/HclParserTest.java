package dev.shop.repochecks.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HclParserTest {

    private final HclParser parser = HclParser.forRepository();

    @Test
    void reportsSyntaxErrorsWithFileAndLine() {
        Path broken = RepoPaths.fixture("syntax/broken.tf");

        assertThatThrownBy(() -> parser.parse(List.of(broken)))
                .isInstanceOf(HclParser.HclSyntaxException.class)
                .hasMessageContaining("broken.tf:2,")
                .hasMessageContaining("Invalid expression");
    }

    @Test
    void keepsBlocksLiteralsAndExpressions() {
        Path backend = RepoPaths.infraTerraform().resolve("envs/prod/backend.tf");

        Map<Path, JsonNode> parsed = parser.parse(List.of(backend));

        JsonNode s3 = parsed.values().iterator().next().path("terraform").get(0).path("backend").path("s3").get(0);
        assertThat(s3.path("use_lockfile").isBoolean()).isTrue();
        assertThat(s3.path("key").asText()).isEqualTo("shop/prod/terraform.tfstate");
    }

    @Test
    void findsReferencesOnlyInsideInterpolations() {
        assertThat(Expressions.interpolations("repo:${var.repo}:ref:refs/heads/${local.branch}"))
                .containsExactly("var.repo", "local.branch");
        assertThat(Expressions.interpolations("see var.x and $${var.escaped}")).isEmpty();
        assertThat(Expressions.interpolations("${merge(var.tags, { Name = \"${var.name}\" })}"))
                .containsExactly("merge(var.tags, { Name = \"${var.name}\" })");
    }

    @Test
    void findsVariablesInsideForExpressionsAndModuleOutputsWithIndexes() {
        JsonNode node = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("a", "${[for i in range(3) : cidrsubnet(var.cidr, 4, i)]}")
                .put("b", "${module.oidc[0].arn}")
                .put("c", "${local.var.not_a_variable}");

        assertThat(Expressions.variables(node)).containsExactly("cidr");
        assertThat(Expressions.moduleOutputs(node)).singleElement()
                .satisfies(ref -> assertThat(ref).containsExactly("oidc", "arn"));
    }
}
