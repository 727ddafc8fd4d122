package dev.shop.pipeline.release;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.cli.CliException;
import dev.shop.cli.ProcessRunner;
import dev.shop.cli.RepositoryOption;
import dev.shop.pipeline.GithubOutput;
import dev.shop.pipeline.github.GithubApi;
import dev.shop.pipeline.github.GithubOptions;
import dev.shop.pipeline.registry.OverlayImages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

@Command(name = "release-check", mixinStandardHelpOptions = true,
        description = {"Decides on main whether HEAD is a release and proves what may be tagged: HEAD must be the",
                "merge of a branch whose head passed the staging load test (" + ReleaseProof.CONTEXT + ", set by",
                "GitHub Actions) for exactly the images the staging overlay pins at HEAD, and every one of those",
                "images must be built from a commit in HEAD's history (Gitops-Source-Commit trailer). A commit",
                "that merges no release or hotfix branch is no release (release=false, exit 0); a release",
                "that lacks the proof fails (exit 1).",
                "Outputs (--github-output): release=true|false and digests=<json>."})
public final class ReleaseCheckCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RELEASE_MERGE = Pattern.compile("\\b(release|hotfix)/\\d+\\.\\d+");
    private static final Pattern RUN_URL = Pattern.compile("/actions/runs/(\\d+)");

    @Mixin
    GithubOptions github;

    @Mixin
    RepositoryOption repo;

    @Option(names = "--head", defaultValue = "HEAD", description = "the commit on main to check (default: ${DEFAULT-VALUE})")
    String head;

    @Option(names = "--env-dir", defaultValue = "gitops-envs/envs/staging", paramLabel = "DIR",
            description = "the overlay whose images get the release tag (default: ${DEFAULT-VALUE})")
    String envDir;

    @Mixin
    GithubOutput githubOutput;


    @Override
    public Integer call() {
        String[] commit = git("rev-list", "--parents", "-n", "1", head).strip().split(" ");
        String sha = commit[0];
        if (commit.length != 3) {
            return notARelease(sha + " is not a merge of two commits (main takes merge commits only)");
        }
        String merged = commit[2];
        boolean namesRelease = RELEASE_MERGE.matcher(git("log", "-1", "--format=%B", sha)).find();
        GithubApi api = github.api();
        Optional<GithubApi.CommitStatus> proof = api.status(merged, ReleaseProof.CONTEXT);
        if (proof.isEmpty()) {
            if (namesRelease) {
                throw CliException.findings(sha + " merges a release or hotfix branch, but its head " + merged
                        + " has no " + ReleaseProof.CONTEXT + " status: the staging load test did not pass for it");
            }
            return notARelease(sha + " merges " + merged + ", which was never load tested in staging: not a release");
        }
        GithubApi.CommitStatus status = proof.get();
        if (!status.state().equals("success") || !status.creator().equals(ReleaseProof.ACTIONS_BOT)) {
            throw CliException.findings(ReleaseProof.CONTEXT + " on " + merged + " is " + status.state() + " by "
                    + status.creator() + ": only a passed test recorded by GitHub Actions counts");
        }
        requireReleaseRun(api, status, merged);
        String overlay = envDir.replaceAll("/+$", "") + "/kustomization.yaml";
        SortedMap<String, String> staging = OverlayImages.digests(OverlayImages.parse(git("show", sha + ":" + overlay), overlay));
        if (!status.description().equals(ReleaseProof.describe(staging))) {
            throw CliException.findings("staging at " + sha + " pins " + staging + " (" + ReleaseProof.describe(staging)
                    + "), but the load test of " + merged + " passed for " + status.description());
        }
        Map<String, String> sources = sourceCommits(sha, overlay.substring(0, overlay.lastIndexOf('/', overlay.lastIndexOf('/') - 1)));
        for (Map.Entry<String, String> image : staging.entrySet()) {
            String source = sources.get(image.getValue());
            if (source == null) {
                throw CliException.findings(image.getKey() + "@" + image.getValue() + " has no Gitops-Source-Commit in "
                        + sha + "'s history: it was not written by the pipeline");
            }
            ProcessRunner.Result ancestor = ProcessRunner.run(List.of("git", "merge-base", "--is-ancestor", source, sha), repo.dir(), Duration.ofSeconds(30));
            if (!ancestor.ok()) {
                throw CliException.findings(image.getKey() + "@" + image.getValue() + " was built from " + source
                        + ", which is not in " + sha + "'s history (another branch's build)");
            }
        }
        System.out.println(sha + " releases " + staging + ", load tested on " + merged);
        output("release", "true");
        output("digests", JSON.valueToTree(staging).toString());
        return 0;
    }

    /**
     * Any workflow can set a status with its GITHUB_TOKEN, also one on a feature branch. Only a run of
     * the release workflow on a release or hotfix branch at the tested commit counts: those branches
     * are created by release managers and change only by reviewed pull requests.
     */
    private static void requireReleaseRun(GithubApi github, GithubApi.CommitStatus status, String merged) {
        java.util.regex.Matcher runId = RUN_URL.matcher(status.targetUrl());
        if (!runId.find()) {
            throw CliException.findings(ReleaseProof.CONTEXT + " on " + merged + " links to no workflow run: " + status.targetUrl());
        }
        GithubApi.WorkflowRun run = github.run(Long.parseLong(runId.group(1))).orElseThrow(() -> CliException.findings(
                ReleaseProof.CONTEXT + " on " + merged + " links to run " + runId.group(1) + ", which does not exist"));
        boolean releaseBranch = run.headBranch().matches("(release|hotfix)/.+");
        if (!run.path().equals(ReleaseProof.WORKFLOW) || !releaseBranch || !run.headSha().equals(merged)) {
            throw CliException.findings(ReleaseProof.CONTEXT + " on " + merged + " was set by " + run.path() + " on "
                    + run.headBranch() + " at " + run.headSha() + ", not by " + ReleaseProof.WORKFLOW + " on a release or hotfix branch at " + merged);
        }
    }

    /** Newest record per digest of the write-back ledger in the commits that touched the env folders. */
    private Map<String, String> sourceCommits(String sha, String envsPath) {
        String format = "%(trailers:key=Gitops-Digest,valueonly,separator=%x1d)%x1f%(trailers:key=Gitops-Source-Commit,valueonly,separator=%x1d)%x1e";
        Map<String, String> sources = new HashMap<>();
        for (String record : git("log", "--format=" + format, sha, "--", envsPath).split("\u001e")) {
            String[] fields = record.strip().split("\u001f", -1);
            if (fields.length == 2 && !fields[0].isBlank() && !fields[1].isBlank()) {
                sources.putIfAbsent(fields[0].strip(), fields[1].strip());
            }
        }
        return sources;
    }

    private int notARelease(String reason) {
        System.out.println(reason);
        output("release", "false");
        return 0;
    }

    private void output(String name, String value) {
        if (githubOutput.requested()) {
            githubOutput.append(name, value);
        }
    }

    private String git(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        return ProcessRunner.run(command, repo.dir(), Duration.ofSeconds(60)).orThrow().stdout();
    }
}
