package dev.shop.repochecks.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shop.gitops.verify.StrictValidator;
import dev.shop.gitops.verify.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every Argo CD manifest parses and passes the CLI's strict schema check (unknown fields fail). */
class ArgoCdManifestsStrictTest {

    private final StrictValidator validator = new StrictValidator();

    static List<String> clusters() {
        return Repo.clusters();
    }

    @Test
    void everyYamlFileUnderOpsArgocdAndObservabilityParses() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Stream.concat(Files.walk(Repo.ARGOCD), Files.walk(Repo.OBSERVABILITY))) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(20);
        for (Path file : files) {
            assertThat(Repo.documents(file)).as(Repo.ROOT.relativize(file).toString()).isNotEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("clusters")
    void everyObjectOfAClusterIsStrictlyValid(String cluster) {
        String rendered = Repo.kustomize(Repo.ARGOCD.resolve("clusters").resolve(cluster));
        assertThat(Repo.documents(rendered)).extracting(o -> o.path("kind").asText())
                .contains("AppProject", "Application", "ApplicationSet");
        assertThat(describe(validator.validateYaml(rendered, "ops/argocd/clusters/" + cluster))).isEmpty();
    }

    @Test
    void bootstrapApplicationsAreStrictlyValidAndPointAtTheirCluster() throws IOException {
        Set<String> bootstrapped = new TreeSet<>();
        try (Stream<Path> files = Files.list(Repo.ARGOCD.resolve("bootstrap"))) {
            for (Path file : files.sorted().toList()) {
                assertThat(describe(validator.validateFile(file))).as(file.toString()).isEmpty();
                String cluster = file.getFileName().toString().replace(".yaml", "");
                JsonNode root = Repo.documents(file).get(0);
                assertThat(root.path("kind").asText()).isEqualTo("Application");
                assertThat(root.path("spec").path("source").path("path").asText()).isEqualTo("ops/argocd/clusters/" + cluster);
                bootstrapped.add(cluster);
            }
        }
        assertThat(bootstrapped).containsExactlyElementsOf(Repo.clusters());
    }

    @Test
    void platformConfigAndObservabilityAreStrictlyValid() {
        for (Path dir : List.of(Repo.ARGOCD.resolve("platform/config"), Repo.OBSERVABILITY)) {
            String rendered = Repo.kustomize(dir);
            assertThat(describe(validator.validateYaml(rendered, Repo.ROOT.relativize(dir).toString()))).as(dir.toString()).isEmpty();
        }
    }

    @Test
    void aMisspelledFieldInAnApplicationIsRejected() {
        String root = Repo.read(Repo.ARGOCD.resolve("bootstrap/nonprod.yaml"));
        String misspelled = root.replace("selfHeal: true", "selfHeall: true");
        assertThat(misspelled).isNotEqualTo(root);

        List<Violation> violations = validator.validateYaml(misspelled, "misspelled");

        assertThat(describe(violations)).anySatisfy(v -> assertThat(v).contains(StrictValidator.UNKNOWN_FIELD).contains("selfHeall"));
    }

    @Test
    void aMisspelledFieldInTheApplicationSetAndTheProjectIsRejected() {
        String rendered = Repo.kustomize(Repo.ARGOCD.resolve("clusters/prod"));
        String misspelled = rendered
                .replace("preserveResourcesOnDeletion:", "preserveResourceOnDeletion:")
                .replace("manualSync:", "manualsync:");

        List<String> violations = describe(validator.validateYaml(misspelled, "misspelled"));

        assertThat(violations).anySatisfy(v -> assertThat(v).contains("preserveResourceOnDeletion"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("manualsync"));
    }

    private static List<String> describe(List<Violation> violations) {
        return violations.stream().map(String::valueOf).collect(Collectors.toList());
    }
}
