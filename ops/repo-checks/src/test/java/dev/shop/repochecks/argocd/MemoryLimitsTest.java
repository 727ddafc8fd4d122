package dev.shop.repochecks.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shop.gitops.support.GitRepos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every environment's memory limits against the need measured in docs/benchmarks.md (issue 11 item 10,
 * issue 15 goal 2), and the broken examples the check rejects.
 */
class MemoryLimitsTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/memory-sizing").toAbsolutePath();
    private static final List<MemorySizing.MeasuredNeed> FIXTURE_NEEDS =
            MemorySizing.parse(Repo.read(FIXTURES.resolve("needs.md")));

    static List<String> envs() {
        return Repo.envFolders();
    }

    /**
     * Each env as the next build or promotion makes it: its own kustomization (prod's resource patch) over
     * the shared copy that the pipeline takes from gitops-envs/base and components (ADR 0205). The copies an
     * env holds today change only through that flow, so they are not what this check holds to the docs.
     */
    @ParameterizedTest
    @MethodSource("envs")
    void everyShopContainerHasAMeasuredNeedThatFitsItsMemoryLimit(String env, @TempDir Path work) throws IOException {
        List<MemorySizing.MeasuredNeed> needs = MemorySizing.parse(Repo.read(Repo.ROOT.resolve("docs/benchmarks.md")));
        Path next = work.resolve(env);
        Files.createDirectories(next);
        Files.copy(Repo.ENVS.resolve(env).resolve("kustomization.yaml"), next.resolve("kustomization.yaml"));
        GitRepos.copyTree(Repo.GITOPS_ENVS.resolve("base"), next.resolve("shared/base"));
        GitRepos.copyTree(Repo.GITOPS_ENVS.resolve("components"), next.resolve("shared/components"));
        List<JsonNode> rendered = Repo.render(next);

        assertThat(Repo.ofKind(rendered, "Deployment")).as("shop Deployments in envs/" + env).hasSize(3);
        assertThat(MemorySizing.check("envs/" + env, rendered, needs)).isEmpty();
    }

    @Test
    void aLimitThatHoldsThePeakWithin85PercentPasses() {
        assertThat(check("fits.yaml")).isEmpty();
    }

    @Test
    void rejectsALimitBelowTheMeasuredPeakPlusHeadroom() {
        assertThat(check("limit-below-need.yaml")).singleElement().asString()
                .contains("Deployment catalog", "384Mi", "peak RSS 355 MiB", "at least 418Mi");
    }

    @Test
    void rejectsJvmOptionsThatWereNeverMeasured() {
        assertThat(check("flags-not-measured.yaml")).singleElement().asString()
                .contains("no measurement", "-XX:MaxRAMPercentage=75.0");
    }

    @Test
    void rejectsACpuLimitThatWasNeverMeasured() {
        assertThat(check("cpu-not-measured.yaml")).singleElement().asString()
                .contains("no measurement", "cpu limit 2000m");
    }

    @Test
    void rejectsAContainerWithoutLimits() {
        assertThat(check("no-limits.yaml")).singleElement().asString().contains("no cpu and memory limit");
    }

    @Test
    void readsTheQuantitiesKubernetesWrites() {
        assertThat(MemorySizing.cpuMillis("500m")).isEqualTo(500);
        assertThat(MemorySizing.cpuMillis("0.5")).isEqualTo(500);
        assertThat(MemorySizing.cpuMillis("1")).isEqualTo(1000);
        assertThat(MemorySizing.mebibytes("448Mi")).isEqualTo(448);
        assertThat(MemorySizing.mebibytes("1Gi")).isEqualTo(1024);
        assertThat(MemorySizing.mebibytes("536870912")).isEqualTo(512);
        assertThatThrownBy(() -> MemorySizing.mebibytes("lots")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPageWithoutTheTableIsRejectedRatherThanTreatedAsNoNeed() {
        assertThatThrownBy(() -> MemorySizing.parse("# Benchmarks\n\nno table here\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Measured memory need");
        assertThatThrownBy(() -> MemorySizing.parse(MemorySizing.TABLE_HEADING + "\n\n| a | b |\n| --- | --- |\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no measured rows");
    }

    private static List<String> check(String fixture) {
        return MemorySizing.check(fixture, Repo.documents(FIXTURES.resolve(fixture)), FIXTURE_NEEDS);
    }
}
