package dev.shop.pipeline.rehearsal;

import dev.shop.cli.CliException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "rehearse", mixinStandardHelpOptions = true,
        description = {"Rehearses a push to develop on this machine with real parts (git remote, registry, Jib,",
                "gitops, podman): fails unless every digest written is the registry's and every image",
                "starts ready as a non-root user. --lifecycle plays the whole Git Flow lifecycle instead",
                "(docs/rehearsal.md). Needs ops/bin/install-rehearsal-deps."})
public final class RehearseCommand implements Callable<Integer> {

    @Option(names = "--repo", defaultValue = ".", description = "the working tree to rehearse (default: ${DEFAULT-VALUE})")
    Path repo;

    @Option(names = "--work-dir", description = "where the remote, checkout and registry live (default: a new temp folder)")
    Path workDir;

    @Option(names = "--keep", description = "keep the work folder afterwards, for a look")
    boolean keep;

    @Option(names = "--cache-dir", description = "where the JRE rootfs tarball is kept between runs (default: ~/.cache/shop-rehearsal)")
    Path cacheDir;

    @Option(names = "--rebuild-base", description = "make the JRE rootfs again instead of reusing the cached one")
    boolean rebuildBase;

    @Option(names = "--services", split = ",", defaultValue = "catalog,orders,storefront",
            description = "services to build, write back and run (default: ${DEFAULT-VALUE})")
    List<String> services;

    @Option(names = "--ready-timeout", description = "seconds each service may take to report ready (default: 180; "
            + "with --lifecycle " + LifecycleRehearsal.WORKFLOW_WAIT_SECONDS + ", release.yml's wait-deployed --timeout)")
    Long readyTimeoutSeconds;

    @Option(names = "--lifecycle", description = "play feature PR, develop, release, staging gate, main tag, prod PR, prod, hotfix, rollback")
    boolean lifecycle;

    @Option(names = "--broken-release", description = "with --lifecycle: the release candidate's catalog cannot start; passes only if the staging gate stops it before main")
    boolean brokenRelease;

    @Option(names = "--failing-gate", description = "with --lifecycle: the release candidate gets ready but refuses every checkout; passes only if the staging gate's tests stop it before main")
    boolean failingGate;

    @Override
    public Integer call() throws IOException {
        if ((brokenRelease || failingGate) && !lifecycle) {
            throw CliException.usage((brokenRelease ? "--broken-release" : "--failing-gate") + " needs --lifecycle");
        }
        if (brokenRelease && failingGate) {
            throw CliException.usage("--broken-release and --failing-gate are two separate rehearsals: give one");
        }
        ReleaseCandidate candidate = brokenRelease ? ReleaseCandidate.BROKEN_START
                : failingGate ? ReleaseCandidate.FAILING_GATE : ReleaseCandidate.SOUND;
        Path work = workDir != null ? workDir : Files.createTempDirectory("shop-rehearsal-");
        Path cache = cacheDir != null ? cacheDir : Path.of(System.getProperty("user.home"), ".cache", "shop-rehearsal");
        try {
            if (lifecycle) {
                new LifecycleRehearsal(new LifecycleRehearsal.Options(repo.toAbsolutePath().normalize(), work, cache,
                        rebuildBase, Duration.ofSeconds(readyTimeoutSeconds != null ? readyTimeoutSeconds : LifecycleRehearsal.WORKFLOW_WAIT_SECONDS),
                        candidate)).run();
            } else {
                new DevelopPushRehearsal(new DevelopPushRehearsal.Options(repo.toAbsolutePath().normalize(), work, cache,
                        rebuildBase, Duration.ofSeconds(readyTimeoutSeconds != null ? readyTimeoutSeconds : 180), services)).run();
            }
        } finally {
            if (keep) {
                System.out.println("work folder kept: " + work);
            } else {
                deleteRecursively(work);
            }
        }
        return 0;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
