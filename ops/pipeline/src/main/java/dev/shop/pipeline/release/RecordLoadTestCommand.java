package dev.shop.pipeline.release;

import dev.shop.cli.CliException;
import dev.shop.pipeline.github.GithubApi;
import dev.shop.pipeline.github.GithubOptions;
import dev.shop.pipeline.registry.PublishedImages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "record-load-test", mixinStandardHelpOptions = true,
        description = {"Records on the tested commit that the staging load test passed for one exact set of",
                "images: commit status " + ReleaseProof.CONTEXT + " = success, description \"tested <fingerprint>\".",
                "release-check reads it on main before anything is tagged."})
public final class RecordLoadTestCommand implements Callable<Integer> {

    @Mixin
    GithubOptions github;

    @Option(names = "--sha", required = true, description = "the commit whose staging run was load tested (GITHUB_SHA)")
    String sha;

    @Option(names = "--digests", required = true,
            description = "JSON {\"<service>\": \"sha256:...\"}: every image staging ran during the test (wait-deployed output)")
    String digests;

    @Option(names = "--target-url", defaultValue = "", description = "link to the run that tested")
    String targetUrl;


    @Override
    public Integer call() {
        Map<String, String> tested = PublishedImages.parseDigests(digests);
        if (tested.isEmpty()) {
            throw CliException.usage("--digests names no image: nothing was tested");
        }
        String description = ReleaseProof.describe(tested);
        github.api()
                .setStatus(sha, ReleaseProof.CONTEXT, new GithubApi.CommitStatus("success", description, targetUrl, ""));
        System.out.println(sha + ": " + ReleaseProof.CONTEXT + " success, " + description);
        return 0;
    }
}
