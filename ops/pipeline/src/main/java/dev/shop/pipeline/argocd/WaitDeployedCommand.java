package dev.shop.pipeline.argocd;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.cli.CliException;
import dev.shop.pipeline.GithubOutput;
import dev.shop.pipeline.github.GithubApi;
import dev.shop.pipeline.github.GithubOptions;
import dev.shop.pipeline.registry.OverlayImages;
import dev.shop.pipeline.registry.PublishedImages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.Callable;

@Command(name = "wait-deployed", mixinStandardHelpOptions = true,
        description = {"Waits until Argo CD reports an environment deployed with the given digests, reading",
                "only GitHub (works on a GitHub-hosted runner; the cluster API stays private): Argo CD",
                "Notifications set the commit status argocd/<app> on the revision it synced, success once",
                "synced and healthy. Ready when a commit of the branch whose overlay pins every given digest",
                "carries that status with success. Exit 1 when it fails, when the overlay on the branch",
                "stops pinning the digests (another run changed the environment), or at the timeout.",
                "Outputs (--github-output): revision=<sha> and digests=<json of every image the overlay pins there>."})
public final class WaitDeployedCommand implements Callable<Integer> {

    /** Commits of the branch looked at per poll: write-backs of other environments land in between. */
    private static final int HISTORY = 50;

    @Mixin
    GithubOptions github;

    @Mixin
    GithubOutput githubOutput;

    @Option(names = "--branch", defaultValue = "main", description = "the branch Argo CD reads (default: ${DEFAULT-VALUE})")
    String branch;

    @Option(names = "--app", required = true, description = "the Argo CD Application, e.g. shop-staging")
    String app;

    @Option(names = "--env-dir", required = true, paramLabel = "DIR", description = "the overlay in the repository, e.g. gitops-envs/envs/staging")
    String envDir;

    @Option(names = "--images", defaultValue = "{}",
            description = "what must be running: the publish job's images JSON; empty or {} waits for what the branch's tip pins")
    String images;

    @Option(names = "--digests", description = "what must be running as {\"<service>\": \"sha256:...\"} (instead of --images)")
    String digests;

    @Option(names = "--timeout", defaultValue = "900", description = "seconds to wait (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Option(names = "--interval", defaultValue = "30", description = "seconds between polls (default: ${DEFAULT-VALUE})")
    long intervalSeconds;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> expected = digests != null ? PublishedImages.parseDigests(digests)
                : PublishedImages.digests(PublishedImages.parse(images));
        GithubApi api = github.api();
        Deployments deployments = new Deployments(api, envDir.replaceAll("/+$", "") + "/kustomization.yaml");
        String context = "argocd/" + app;
        Instant deadline = Instant.now().plusSeconds(timeoutSeconds);
        if (expected.isEmpty()) {
            List<String> tip = api.commits(branch, HISTORY);
            if (tip.isEmpty()) {
                throw CliException.findings(branch + " has no commits");
            }
            expected = deployments.digestsAt(tip.get(0));
        }
        while (true) {
            List<String> pinning = deployments.pinning(branch, expected);
            Optional<String> deployed = Optional.empty();
            for (String sha : pinning) {
                Optional<GithubApi.CommitStatus> status = api.status(sha, context);
                if (status.isEmpty() || status.get().state().equals("pending")) {
                    continue;
                }
                if (!status.get().state().equals("success")) {
                    throw CliException.findings(app + " " + status.get().state() + " at " + sha + ": "
                            + status.get().description() + " " + status.get().targetUrl());
                }
                deployed = Optional.of(sha);
                break;
            }
            if (deployed.isPresent()) {
                SortedMap<String, String> running = deployments.digestsAt(deployed.get());
                System.out.println(app + " deployed at " + deployed.get() + ": " + running);
                if (githubOutput.requested()) {
                    githubOutput.append("revision", deployed.get());
                    githubOutput.append("digests", new ObjectMapper().valueToTree(running).toString());
                }
                return 0;
            }
            String waiting = app + ": no " + context + " success yet on " + pinning.size() + " commit(s) pinning " + expected.values();
            if (Instant.now().plusSeconds(intervalSeconds).isAfter(deadline)) {
                throw CliException.findings(waiting + " after " + timeoutSeconds + " s");
            }
            System.out.println(waiting);
            Thread.sleep(intervalSeconds * 1000);
        }
    }

    /** The overlay's digests per commit, read once each (a commit never changes). */
    static final class Deployments {
        private final GithubApi github;
        private final String path;
        private final Map<String, SortedMap<String, String>> byCommit = new HashMap<>();

        Deployments(GithubApi github, String path) {
            this.github = github;
            this.path = path;
        }

        SortedMap<String, String> digestsAt(String sha) {
            return byCommit.computeIfAbsent(sha, commit -> OverlayImages.digests(OverlayImages.parse(
                    github.file(path, commit).orElseThrow(() -> CliException.findings(path + " does not exist at " + commit)),
                    path + "@" + commit)));
        }

        /**
         * The newest commits of the branch, in a row from its tip, whose overlay pins every expected
         * digest. The tip must be one of them: if it is not, the environment was changed after this
         * run wrote it, and whatever Argo CD reports next is not what this run tests.
         */
        List<String> pinning(String branch, Map<String, String> expected) {
            List<String> commits = github.commits(branch, HISTORY);
            List<String> pinning = new ArrayList<>();
            for (String sha : commits) {
                if (!digestsAt(sha).entrySet().containsAll(expected.entrySet())) {
                    break;
                }
                pinning.add(sha);
            }
            if (pinning.isEmpty()) {
                throw CliException.findings(path + " on " + branch + " does not pin " + expected + " (it pins "
                        + (commits.isEmpty() ? "nothing" : digestsAt(commits.get(0))) + "): another run changed it");
            }
            return pinning;
        }
    }
}
