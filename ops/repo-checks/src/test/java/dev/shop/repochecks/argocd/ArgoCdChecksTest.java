package dev.shop.repochecks.argocd;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.shop.gitops.argocd.ArgoCdChecks;
import dev.shop.gitops.kustomize.Kustomize;
import dev.shop.gitops.support.GitRepos;
import dev.shop.gitops.verify.Violation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Argo CD checks that `ops/bin/gitops verify` runs (ops/gitops, package argocd): the repository
 * passes them, and each rejects a broken example of its class, made by changing one fact in a copy of
 * the repository's ops/argocd, ops/observability and gitops-envs (with a small infra-terraform fixture,
 * src/test/resources/argocd/terraform, that provides everything the manifests assume).
 */
class ArgoCdChecksTest {

    private static final Kustomize KUSTOMIZE = Kustomize.locate();
    private static final Path TERRAFORM_FIXTURE = Path.of("src/test/resources/argocd/terraform").toAbsolutePath();
    private static final Path BROKEN_EXAMPLES = Path.of("src/test/resources/argocd/broken-examples.yaml").toAbsolutePath();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path copy;

    @BeforeEach
    void copyTheRepository() {
        for (String dir : List.of("ops/argocd", "ops/observability", "gitops-envs")) {
            GitRepos.copyTree(Repo.ROOT.resolve(dir), copy.resolve(dir));
        }
        GitRepos.copyTree(TERRAFORM_FIXTURE, copy.resolve("infra-terraform"));
        // one cluster is enough to break things in, and halves the rendering
        deleteTree(copy.resolve("ops/argocd/clusters/prod"));
    }

    @Test
    void theRepositoryPassesEveryArgoCdCheck() {
        assertThat(lines(ArgoCdChecks.run(Repo.ROOT, KUSTOMIZE))).isEmpty();
    }

    @Test
    void theUnchangedCopyWithTheTerraformFixturePasses() {
        assertThat(lines(run())).isEmpty();
    }

    /** The broken examples of src/test/resources/argocd/broken-examples.yaml, one per check. */
    static Stream<Arguments> brokenExamples() throws IOException {
        List<BrokenExample> examples = YAML.readValue(BROKEN_EXAMPLES.toFile(), new TypeReference<>() { });
        return examples.stream().map(example -> Arguments.of(example.name(), example));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenExamples")
    void eachCheckRejectsItsBrokenExample(String name, BrokenExample example) throws IOException {
        for (Change change : example.changes()) {
            change.applyTo(copy);
        }

        List<String> lines = lines(run());

        for (List<String> parts : example.reports()) {
            assertThat(lines).as("a line with %s", parts).anySatisfy(line -> assertThat(line).contains(parts));
        }
    }

    /** Changes to the copy, and for each line the checks must then report, the texts it contains. */
    record BrokenExample(String name, List<Change> changes, List<List<String>> reports) {
    }

    /** One change to a file of the copy: replace text (which must be there), write it, or delete it. */
    record Change(String file, String replace, String with, String write, boolean delete) {

        void applyTo(Path copy) throws IOException {
            Path path = copy.resolve(file);
            if (delete) {
                Files.delete(path);
            } else if (write != null) {
                Files.writeString(path, write);
            } else {
                String text = Repo.read(path);
                assertThat(text).as(file).contains(replace);
                Files.writeString(path, text.replace(replace, with));
            }
        }
    }

    private List<Violation> run() {
        return ArgoCdChecks.run(copy, KUSTOMIZE);
    }

    private static List<String> lines(List<Violation> violations) {
        return violations.stream().map(Violation::line).toList();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
