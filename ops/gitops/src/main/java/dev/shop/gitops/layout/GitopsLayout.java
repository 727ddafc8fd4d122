package dev.shop.gitops.layout;

import dev.shop.cli.CliException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The agreed shape of a gitops-envs tree: {@code base/<service>/} (a service is a base folder
 * holding a Deployment), {@code components/}, and {@code envs/<env>/kustomization.yaml}.
 */
public final class GitopsLayout {

    public static final String DEFAULT_FOLDER = "gitops-envs";
    private static final Pattern DEPLOYMENT_KIND = Pattern.compile("(?m)^kind:\\s*Deployment\\s*$");
    private static final List<String> PROMOTION_ORDER = List.of("dev", "staging", "prod");
    private static final List<String> KUSTOMIZATION_NAMES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    private final Path root;

    private GitopsLayout(Path root) {
        this.root = root;
    }

    /** Uses root when given, else looks for a gitops-envs folder in the working directory and its parents. */
    public static GitopsLayout locate(Path root, Path workingDir) {
        if (root != null) {
            return at(root);
        }
        for (Path dir = workingDir.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DEFAULT_FOLDER);
            if (Files.isDirectory(candidate.resolve("envs"))) {
                return new GitopsLayout(candidate);
            }
        }
        throw CliException.usage("no " + DEFAULT_FOLDER + "/ folder found from " + workingDir.toAbsolutePath()
                + " upwards: pass --root DIR");
    }

    public static GitopsLayout at(Path root) {
        Path normalized = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(normalized.resolve("envs"))) {
            throw CliException.usage("not a gitops-envs tree (no envs/ folder): " + normalized);
        }
        return new GitopsLayout(normalized);
    }

    public Path root() {
        return root;
    }

    /** Environment names: the folders under envs/ holding a kustomization, in promotion order (dev, staging, prod, then by name). */
    public List<String> envs() {
        return subfolders(root.resolve("envs")).stream()
                .filter(dir -> kustomizationIn(dir) != null)
                .map(dir -> dir.getFileName().toString())
                .sorted(java.util.Comparator.comparingInt(GitopsLayout::promotionRank).thenComparing(java.util.Comparator.naturalOrder()))
                .toList();
    }

    private static int promotionRank(String env) {
        int rank = PROMOTION_ORDER.indexOf(env);
        return rank < 0 ? PROMOTION_ORDER.size() : rank;
    }

    /** Service names: the folders under base/ that hold a Deployment, sorted by name. */
    public List<String> services() {
        return subfolders(root.resolve("base")).stream()
                .filter(GitopsLayout::holdsDeployment)
                .map(dir -> dir.getFileName().toString())
                .sorted()
                .toList();
    }

    public Path envDir(String env) {
        return root.resolve("envs").resolve(env);
    }

    /** The env's kustomization file; a usage error names the known envs when env is unknown. */
    public Path envKustomization(String env) {
        Path file = env.contains("/") || env.startsWith(".") ? null : kustomizationIn(envDir(env));
        if (file == null) {
            throw CliException.usage("unknown env '" + env + "': known envs are " + String.join(", ", envs()));
        }
        return file;
    }

    public String requireService(String service) {
        List<String> services = services();
        if (!services.contains(service)) {
            throw CliException.usage("unknown service '" + service + "': known services are " + String.join(", ", services));
        }
        return service;
    }

    private static Path kustomizationIn(Path dir) {
        return KUSTOMIZATION_NAMES.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst().orElse(null);
    }

    private static List<Path> subfolders(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean holdsDeployment(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .anyMatch(f -> DEPLOYMENT_KIND.matcher(read(f)).find());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A UTF-8 text file of the tree; an I/O failure is unexpected here (the tree was just listed). */
    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
