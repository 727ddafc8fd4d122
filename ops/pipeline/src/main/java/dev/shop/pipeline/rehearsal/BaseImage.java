package dev.shop.pipeline.rehearsal;

import dev.shop.cli.CliException;
import dev.shop.cli.ProcessRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * The JRE base image the services' Jib build starts FROM, made on this machine because no public
 * registry is reachable: a Debian rootfs with OpenJDK 17 from the machine's own apt sources
 * (mmdebstrap), imported into podman with user 185 and pushed to the local registry. The rootfs
 * tarball is cached between rehearsals; the image is pushed to each new registry.
 */
final class BaseImage {

    static final String USER = "185";
    private static final String SUITE = "bookworm";
    private static final String PACKAGES = "openjdk-17-jre-headless,ca-certificates";

    private BaseImage() {
    }

    /** Builds (or reuses) the rootfs tarball in {@code cacheDir}. */
    static Path rootfs(Path cacheDir, boolean rebuild) throws IOException {
        Path tar = cacheDir.resolve("jre17-" + SUITE + "-rootfs.tar");
        if (Files.isRegularFile(tar) && !rebuild) {
            return tar;
        }
        Files.createDirectories(cacheDir);
        // mmdebstrap picks the output format from the extension: keep .tar last. One partial file per
        // process: two rehearsals on a fresh machine build at once, and the atomic move keeps either whole.
        Path partial = cacheDir.resolve("partial-" + ProcessHandle.current().pid() + "-" + tar.getFileName());
        ProcessRunner.run(List.of("mmdebstrap", "--quiet", "--variant=apt", "--include=" + PACKAGES, SUITE, partial.toString()),
                null, Duration.ofMinutes(15)).orThrow();
        Files.move(partial, tar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return tar;
    }

    /** Imports the rootfs and pushes it as {@code <registry>/shop/jre-base:17}; returns that name. */
    static String publish(Podman podman, Path rootfs, String registryHost) {
        if (!Files.isRegularFile(rootfs)) {
            throw CliException.environment("no rootfs at " + rootfs);
        }
        String local = "localhost/shop-rehearsal/jre-base:17";
        String remote = registryHost + "/shop/jre-base:17";
        podman.importRootfs(rootfs, local, USER);
        podman.push(local, remote);
        return remote;
    }
}
