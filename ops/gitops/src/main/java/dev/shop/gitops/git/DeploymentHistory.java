package dev.shop.gitops.git;

import dev.shop.cli.CliException;
import dev.shop.cli.ProcessRunner;
import dev.shop.gitops.images.ImageEntry;
import dev.shop.gitops.images.KustomizationImages;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an env ran, read from Git: every commit on the branch's first-parent line that changed the
 * env's kustomization is a deployment of each service whose digest it changed. Which source commit
 * built a digest comes from the ledger trailers. No database: the branch Argo CD reads is the record.
 */
public final class DeploymentHistory {

    /** One service's image becoming what the env runs, by the commit that made it so. */
    public record Deployment(String service, ImageEntry image, String commit, OffsetDateTime when, String subject, String sourceCommit) {
    }

    private final List<Deployment> newestFirst;

    private DeploymentHistory(List<Deployment> newestFirst) {
        this.newestFirst = newestFirst;
    }

    /** The deployments of the env whose kustomization is envFile, up to maxCommits commits back from tip. */
    public static DeploymentHistory read(Git git, String tip, String envFile, Ledger ledger, int maxCommits) {
        String log = git.run("log", "--first-parent", "-n", String.valueOf(maxCommits), "--format=%H%x1f%cI%x1f%s%x1e", tip, "--", envFile);
        List<String[]> commits = new ArrayList<>();
        for (String record : log.split("\u001e")) {
            String[] fields = record.strip().split("\u001f", -1);
            if (fields.length == 3) {
                commits.add(fields);
            }
        }
        Collections.reverse(commits);
        Map<String, String> running = new HashMap<>();
        List<Deployment> deployments = new ArrayList<>();
        for (String[] commit : commits) {
            Map<String, ImageEntry> entries = entriesAt(git, commit[0], envFile);
            if (entries == null) {
                continue;
            }
            for (ImageEntry entry : entries.values()) {
                if (entry.digest() != null && !entry.digest().equals(running.get(entry.name()))) {
                    running.put(entry.name(), entry.digest());
                    deployments.add(new Deployment(entry.name(), entry, commit[0], OffsetDateTime.parse(commit[1]), commit[2],
                            ledger.sourceCommit(entry.digest())));
                }
            }
        }
        Collections.reverse(deployments);
        return new DeploymentHistory(List.copyOf(deployments));
    }

    /** Every deployment, newest first. */
    public List<Deployment> all() {
        return newestFirst;
    }

    /** The service's deployments, newest first. */
    public List<Deployment> of(String service) {
        return newestFirst.stream().filter(d -> d.service().equals(service)).toList();
    }

    /** The deployment that made the env run this digest most recently, if any. */
    public java.util.Optional<Deployment> latest(String service, String digest) {
        return of(service).stream().filter(d -> d.image().digest().equals(digest)).findFirst();
    }

    /** The entries at a commit, or null when the file is malformed there (such a commit deployed nothing). */
    private static Map<String, ImageEntry> entriesAt(Git git, String commit, String envFile) {
        ProcessRunner.Result show = git.exec("cat-file", "blob", commit + ":" + envFile);
        if (!show.ok()) {
            return null;
        }
        try {
            return KustomizationImages.parse(show.stdout(), envFile + "@" + commit.substring(0, 12)).entries();
        } catch (CliException malformed) {
            return null;
        }
    }
}
