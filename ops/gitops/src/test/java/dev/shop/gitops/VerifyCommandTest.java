package dev.shop.gitops;

import dev.shop.cli.ExitCodes;
import dev.shop.gitops.support.Cli;
import dev.shop.gitops.support.GitRepos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class VerifyCommandTest {

    private static final Path GOOD = GitRepos.FIXTURES.resolve("gitops-envs");

    @TempDir
    Path temp;

    @Test
    void theFixtureOverlaysPass() {
        Cli.Run run = Cli.run("verify", "--root", GOOD.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("verify: 3 env(s) ok: dev, staging, prod\n");
    }

    /** Every broken overlay: its expected.txt names the one rule it breaks and a fragment of the message. */
    static Stream<Path> brokenOverlays() throws IOException {
        List<Path> cases = new ArrayList<>();
        for (String root : List.of("broken", "broken-digest")) {
            try (Stream<Path> envs = Files.list(GitRepos.FIXTURES.resolve(root).resolve("envs"))) {
                cases.addAll(envs.sorted().toList());
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenOverlays")
    void eachBrokenOverlayIsRejectedByItsRule(Path envDir) throws IOException {
        List<String> expected = Files.readAllLines(envDir.resolve("expected.txt"));
        String rule = expected.get(0);
        String fragment = expected.get(1);
        String env = envDir.getFileName().toString();

        Cli.Run run = Cli.run("verify", "--root", envDir.getParent().getParent().toString(), "--env", env);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
        List<String> findings = run.out().lines().filter(l -> l.startsWith(env + " ")).toList();
        assertThat(findings).as(run.toString()).isNotEmpty()
                .allSatisfy(line -> assertThat(line).as("only rule " + rule).contains("[" + rule + "]").contains("(fix: "))
                .anySatisfy(line -> assertThat(line).contains(fragment));
    }

    @Test
    void jsonOutputForMachines() throws IOException {
        Path root = GitRepos.FIXTURES.resolve("broken");
        Cli.Run run = Cli.run("verify", "--root", root.toString(), "--env", "probes", "--env", "ssh-port", "--output", "json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        JsonNode report = JsonMapper.builder().build().readTree(run.out());
        assertThat(report.path("ok").asBoolean()).isFalse();
        assertThat(report.path("envs")).hasSize(2);
        assertThat(report.path("violations").valueStream().map(v -> v.path("rule").asString()).distinct().sorted().toList())
                .containsExactly("probes", "ssh-port");
        assertThat(report.path("violations").get(0).path("hint").asString()).isNotBlank();
    }

    @Test
    void anUnknownEnvIsAUsageError() {
        Cli.Run run = Cli.run("verify", "--root", GOOD.toString(), "--env", "qa");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("gitops: unknown env 'qa': known envs are dev, staging, prod\n");
    }

    @Test
    void missingKustomizeIsAOneLineEnvironmentError() throws Exception {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Map<String, String> before = GitRepos.fingerprint(GOOD);

        Process process = cliProcess(List.of("verify", "--root", GOOD.toString()), bin.toString());

        String err = new String(process.getErrorStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(err).isEqualTo("gitops: neither kustomize nor kubectl is on PATH: install one of them (kubectl 1.14+ has kustomize built in)\n");
        assertThat(GitRepos.fingerprint(GOOD)).isEqualTo(before);
    }

    /** The real overlays of this repository pass (gitops-envs/ is written by the manifests work). */
    @Test
    void theRepositorysOwnOverlaysPass() {
        Path own = Path.of(System.getProperty("repo.root", "../..")).resolve("gitops-envs").toAbsolutePath().normalize();
        assertThat(own.resolve("envs")).as("gitops-envs/envs exists").isDirectory();

        Cli.Run run = Cli.run("verify", "--root", own.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    /** The CLI in its own JVM, with only the given PATH: what a user with a broken setup sees. */
    static Process cliProcess(List<String> args, String path) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), GitopsCli.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PATH", path);
        return builder.start();
    }
}
