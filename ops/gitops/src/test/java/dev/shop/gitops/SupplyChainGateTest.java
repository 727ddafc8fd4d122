package dev.shop.gitops;

import dev.shop.cli.ExitCodes;
import dev.shop.gitops.support.Cli;
import dev.shop.gitops.support.GitRepos;
import dev.shop.gitops.support.SeededRemoteTest;
import dev.shop.supplychain.ImageReference;
import dev.shop.supplychain.sbom.SbomAttachment;
import dev.shop.supplychain.signing.ImageSigner;
import dev.shop.supplychain.signing.Keys;
import dev.shop.supplychain.support.FakeSigstore;
import dev.shop.supplychain.support.TestRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.shop.gitops.support.GitRepos.git;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * set-image and promote with --verify-signatures-with write only digests signed by a trusted key,
 * against a real registry (ops/supply-chain signs and attaches SBOMs); promote --sbom-diff puts the
 * dependency changes between the two images' SBOMs into the PR body.
 */
class SupplyChainGateTest extends SeededRemoteTest {

    private static final Path SBOMS = Path.of("../supply-chain/src/test/resources/sboms");

    @TempDir
    static Path shared;
    private static TestRegistry registry;
    private static Path publicKey;
    /** Built with picocli 4.7.6: the image prod runs. */
    private static ImageReference running;
    /** Built with picocli 4.7.7: the image staging tested. */
    private static ImageReference tested;
    private static ImageReference unsigned;

    SupplyChainGateTest() {
        super("ci");
    }

    @BeforeAll
    static void signedImagesWithSboms() throws Exception {
        registry = TestRegistry.start(shared.resolve("registry"));
        Path privateKey = shared.resolve("pipeline.key");
        publicKey = shared.resolve("pipeline.pub");
        Keys.generate(privateKey, publicKey);
        ImageSigner signer = new ImageSigner(registry.client(), Keys.readPrivate(privateKey));
        SbomAttachment sboms = new SbomAttachment(registry.client());
        running = registry.pushImage("shop/catalog", "1.2.0", "catalog 1.2.0");
        tested = registry.pushImage("shop/catalog", "1.3.0-rc.1", "catalog 1.3.0-rc.1");
        unsigned = registry.pushImage("shop/catalog", "1.3.0-rc.2", "catalog 1.3.0-rc.2, pushed by hand");
        sboms.attach(running, Files.readAllBytes(SBOMS.resolve("picocli-4.7.6/bom.json")));
        sboms.attach(tested, Files.readAllBytes(SBOMS.resolve("picocli-4.7.7/bom.json")));
        signer.sign(running, Map.of());
        signer.sign(tested, Map.of());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (registry != null) {
            registry.close();
        }
    }

    private Cli.Run setImage(String env, ImageReference image, String tag, String... extra) {
        String[] base = {"set-image", "--repo", clone.toString(), "--env", env, "--service", "catalog", "--image", image.name(),
                "--digest", image.digest(), "--tag", tag, "--source-commit", "0".repeat(40), "--no-shared"};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    @Test
    void setImageWritesASignedDigest() {
        Cli.Run run = setImage("dev", tested, "1.3.0-rc.1", "--verify-signatures-with", publicKey.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(repos.remoteFile("main", "gitops-envs/envs/dev/kustomization.yaml")).contains("digest: " + tested.digest());
    }

    @Test
    void setImageRefusesAnUnsignedDigestWithOneLineAndWritesNothing() {
        String head = git(repos.remote(), "rev-parse", "main");
        Map<String, String> files = GitRepos.fingerprint(clone);

        Cli.Run run = setImage("dev", unsigned, "1.3.0-rc.2", "--verify-signatures-with", publicKey.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.err().strip()).doesNotContain("\n").contains(unsigned + " is not signed");
        assertThat(git(repos.remote(), "rev-parse", "main")).isEqualTo(head);
        assertThat(GitRepos.fingerprint(clone)).isEqualTo(files);
    }

    @Test
    void inCiSetImageAcceptsOnlyThePipelinesKeylessIdentity() throws Exception {
        FakeSigstore sigstore = FakeSigstore.start(temp.resolve("sigstore"));
        Path trustedRoot = temp.resolve("trusted_root.json");
        Files.write(trustedRoot, sigstore.trustedRoot());
        String pipeline = "https://github.com/example-org/shop/.github/workflows/deliver.yml@refs/heads/develop";
        ImageReference byPipeline = registry.pushImage("shop/catalog", "1.4.0-alpha.1", "catalog built by deliver.yml");
        ImageReference byOther = registry.pushImage("shop/catalog", "1.4.0-alpha.2", "catalog built by another workflow");
        sigstore.sign(registry.client(), byPipeline, pipeline, FakeSigstore.GITHUB_ISSUER);
        sigstore.sign(registry.client(), byOther, pipeline.replace("deliver.yml", "pull-request.yml"), FakeSigstore.GITHUB_ISSUER);
        String[] identity = {"--verify-identity", "^https://github\\.com/example-org/shop/\\.github/workflows/deliver\\.yml@refs/heads/develop$",
            "--sigstore-trusted-root", trustedRoot.toString()};

        Cli.Run refused = setImage("dev", byOther, "1.4.0-alpha.2", identity);
        Cli.Run accepted = setImage("dev", byPipeline, "1.4.0-alpha.1", identity);

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(refused.err()).contains("signed by " + pipeline.replace("deliver.yml", "pull-request.yml"));
        assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
        assertThat(repos.remoteFile("main", "gitops-envs/envs/dev/kustomization.yaml")).contains("digest: " + byPipeline.digest());
    }

    @Test
    void promoteVerifiesAndShowsTheDependencyChangeBetweenTheTwoBuilds() throws Exception {
        assertThat(setImage("prod", running, "1.2.0").exitCode()).isZero();
        assertThat(setImage("staging", tested, "1.3.0-rc.1").exitCode()).isZero();
        Path body = temp.resolve("pr-body.md");

        Cli.Run run = Cli.run("promote", "--repo", clone.toString(), "--from", "staging", "--to", "prod", "--service", "catalog",
                "--verify-signatures-with", publicKey.toString(), "--sbom-diff", "--pr-body", body.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(Files.readString(body)).contains("""
                ### Dependencies (from the images' SBOMs)

                **catalog**: 0 added, 0 removed, 1 changed

                | dependency | running | promoted |
                |---|---|---|
                | `info.picocli:picocli` | 4.7.6 | **4.7.7** |
                """);
    }

    @Test
    void promoteRefusesAnUnsignedDigestAndPushesNoBranch() {
        assertThat(setImage("staging", unsigned, "1.3.0-rc.2").exitCode()).isZero();
        Path body = temp.resolve("pr-body.md");

        Cli.Run run = Cli.run("promote", "--repo", clone.toString(), "--from", "staging", "--to", "prod", "--service", "catalog",
                "--verify-signatures-with", publicKey.toString(), "--pr-body", body.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.err().strip()).doesNotContain("\n").contains(unsigned + " is not signed");
        assertThat(git(repos.remote(), "branch", "--list", "promote/*")).isBlank();
        assertThat(body).doesNotExist();
    }
}
