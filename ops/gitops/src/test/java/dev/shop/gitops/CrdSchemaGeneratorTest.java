package dev.shop.gitops;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.shop.gitops.manifests.Manifests;
import dev.shop.gitops.verify.CrdSchemaGenerator;
import dev.shop.gitops.verify.CrdSchemaGenerator.GeneratedSchema;
import dev.shop.gitops.verify.CrdSchemaGenerator.Source;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The custom-resource schemas are generated from upstream CRDs, strictly, and only from them. */
class CrdSchemaGeneratorTest {

    private static final Path SCHEMAS = Path.of("src/main/resources/schemas");
    private static Schema widget;

    @BeforeAll
    static void generateFromTheFixtureCrd() throws IOException {
        String crd = Files.readString(Path.of("src/test/resources/crds/widget-crd.yaml"), StandardCharsets.UTF_8);
        GeneratedSchema generated = CrdSchemaGenerator.generate(crd, "Widget", "v1", "fixture");
        assertThat(generated.relativePath()).isEqualTo("example.shop.dev/Widget.json");
        widget = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(generated.json());
    }

    @Test
    void acceptsAValidObjectWithEveryConstruct() {
        assertThat(errors("""
                apiVersion: example.shop.dev/v1
                kind: Widget
                metadata: {name: w}
                spec:
                  size: 50%
                  colour: null
                  settings: {anything: {goes: [1, 2]}}
                  labels: {team: shop}
                  parts: [{name: a}]
                  source: {path: x}
                """)).isEmpty();
        assertThat(errors("apiVersion: example.shop.dev/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: 3}\n")).isEmpty();
    }

    @Test
    void rejectsUnknownFieldsAtEveryLevelWhereKubernetesWouldPruneThem() {
        assertThat(errors(valid("  sise: 3\n"))).anyMatch(e -> e.contains("sise"));
        assertThat(errors(valid("  parts: [{name: a, nmae: b}]\n"))).anyMatch(e -> e.contains("nmae"));
        assertThat(errors(valid("  source: {url: u, branch: main}\n"))).anyMatch(e -> e.contains("branch"));
        assertThat(errors(valid("") + "statuss: {}\n")).anyMatch(e -> e.contains("statuss"));
    }

    @Test
    void rejectsWrongValuesAndAnotherApiVersion() {
        assertThat(errors(valid("  colour: green\n"))).isNotEmpty();
        assertThat(errors(valid("").replace("size: 3", "size: true"))).as("int-or-string").isNotEmpty();
        assertThat(errors(valid("  source: {}\n"))).as("anyOf: url or path is required").isNotEmpty();
        assertThat(errors(valid("").replace("example.shop.dev/v1", "example.shop.dev/v2"))).isNotEmpty();
    }

    @Test
    void refusesAVersionTheCrdDoesNotServe() {
        String crd = readFixture();
        assertThatThrownBy(() -> CrdSchemaGenerator.generate(crd, "Widget", "v2", "fixture"))
                .hasMessageContaining("not a served version");
        assertThatThrownBy(() -> CrdSchemaGenerator.generate(crd, "Gadget", "v1", "fixture"))
                .hasMessageContaining("no CustomResourceDefinition of kind Gadget");
    }

    @Test
    void everyCommittedSchemaIsGeneratedFromTheUpstreamFileListedInSources() throws IOException {
        List<Source> sources = Source.readAll(SCHEMAS.resolve("sources.tsv"));
        assertThat(sources).isNotEmpty();
        for (Source source : sources) {
            Path file = SCHEMAS.resolve(source.relativePath());
            assertThat(file).as("listed in sources.tsv").exists();
            JsonNode schema = JsonMapper.builder().build().readTree(file.toFile());
            assertThat(schema.path("$comment").asString(""))
                    .as("%s names its upstream source", file)
                    .contains("from " + source.describe() + " (" + source.group() + "/" + source.version() + ")");
        }
        try (Stream<Path> files = Files.walk(SCHEMAS)) {
            List<String> committed = files.filter(f -> f.toString().endsWith(".json"))
                    .map(f -> SCHEMAS.relativize(f).toString()).sorted().toList();
            assertThat(committed).as("schema files without a line in sources.tsv (hand-written?)")
                    .containsExactlyInAnyOrderElementsOf(sources.stream().map(Source::relativePath).toList());
        }
    }

    private static String valid(String extraSpecLines) {
        return "apiVersion: example.shop.dev/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  size: 3\n" + extraSpecLines;
    }

    private static List<String> errors(String yaml) {
        JsonNode object = Manifests.parseAll(yaml, "test").get(0);
        return widget.validate(object).stream().map(Object::toString).toList();
    }

    private static String readFixture() {
        try {
            return Files.readString(Path.of("src/test/resources/crds/widget-crd.yaml"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
