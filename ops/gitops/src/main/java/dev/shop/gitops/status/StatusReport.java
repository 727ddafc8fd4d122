package dev.shop.gitops.status;

import dev.shop.gitops.git.DeploymentHistory;
import dev.shop.gitops.git.DeploymentHistory.Deployment;
import dev.shop.gitops.git.Git;
import dev.shop.gitops.git.Ledger;
import dev.shop.gitops.images.Holds;
import dev.shop.gitops.images.ImageEntry;
import dev.shop.gitops.images.KustomizationImages;
import dev.shop.gitops.layout.GitopsLayout;
import dev.shop.gitops.shared.SharedManifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What runs where, from a gitops-envs checkout: per env and service the image, the commit it was
 * built from, when and by which commit it was deployed, holds; per env the origin of its copy of the
 * shared manifests and its last deployments. History comes from the checkout's git log.
 */
public record StatusReport(List<String> envs, List<String> services, Map<String, Map<String, Cell>> cells, Map<String, EnvSummary> summaries) {

    /** How many commits back the history is read: enough for "last few deployments", cheap on every run. */
    private static final int HISTORY_COMMITS = 200;

    /** One service in one env. Fields are null when unknown (e.g. no history in a shallow clone). */
    public record Cell(ImageEntry image, String sourceCommit, OffsetDateTime deployedAt, String deployedBy, Holds.Hold hold) {
        public boolean deployed() {
            return image != null && (image.digest() != null || image.newTag() != null);
        }
    }

    /** One env: where its shared manifests come from, and its most recent deployments, newest first. */
    public record EnvSummary(String sharedOrigin, List<Deployment> recent) {
    }

    public static StatusReport of(GitopsLayout layout, int recentPerEnv) {
        List<String> envs = layout.envs();
        List<String> services = layout.services();
        Path top = Git.topLevel(layout.root());
        Git git = top == null || new Git(top).resolve("HEAD") == null ? null : new Git(top);
        Ledger ledger = git == null ? Ledger.read(null, "") : Ledger.read(git, relative(top, layout.root().resolve("envs")));
        Map<String, Map<String, Cell>> cells = new LinkedHashMap<>();
        services.forEach(service -> cells.put(service, new LinkedHashMap<>()));
        Map<String, EnvSummary> summaries = new LinkedHashMap<>();
        for (String env : envs) {
            Path file = layout.envKustomization(env);
            Map<String, ImageEntry> images = KustomizationImages.parse(GitopsLayout.read(file), file.toString()).entries();
            Path holdsFile = layout.envDir(env).resolve(Holds.FILE_NAME);
            Holds holds = Holds.parse(Files.isRegularFile(holdsFile) ? GitopsLayout.read(holdsFile) : null, holdsFile.toString());
            DeploymentHistory history = git == null ? null : DeploymentHistory.read(git, "HEAD", relative(top, file), ledger, HISTORY_COMMITS);
            for (String service : services) {
                ImageEntry image = images.get(service);
                Deployment deployment = history == null || image == null || image.digest() == null ? null
                        : history.latest(service, image.digest()).orElse(null);
                cells.get(service).put(env, new Cell(image, image == null ? null : ledger.sourceCommit(image.digest()),
                        deployment == null ? null : deployment.when(), deployment == null ? null : deployment.commit(),
                        holds.of(service).orElse(null)));
            }
            Path origin = layout.envDir(env).resolve(SharedManifests.FOLDER).resolve(SharedManifests.ORIGIN_FILE);
            summaries.put(env, new EnvSummary(Files.isRegularFile(origin) ? SharedManifests.originCommit(GitopsLayout.read(origin)) : null,
                    history == null ? List.of() : history.all().stream().limit(recentPerEnv).toList()));
        }
        return new StatusReport(envs, services, cells, summaries);
    }

    public Cell cell(String service, String env) {
        return cells.get(service).get(env);
    }

    private static String relative(Path top, Path file) {
        try {
            return top.toRealPath().relativize(file.toRealPath()).toString().replace('\\', '/');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
