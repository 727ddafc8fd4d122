package dev.shop.pipeline.release;

import dev.shop.cli.CliException;
import dev.shop.cli.ProcessRunner;
import dev.shop.cli.RepositoryOption;
import dev.shop.pipeline.registry.OverlayImages;
import dev.shop.pipeline.registry.PublishedImages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.Callable;

@Command(name = "overlay-check", mixinStandardHelpOptions = true,
        description = {"Fails unless an overlay on a remote branch pins exactly the given digests for those",
                "services: the prod promotion branch must carry what was tagged, not what staging holds by the",
                "time the promotion runs."})
public final class OverlayCheckCommand implements Callable<Integer> {

    @Mixin
    RepositoryOption repo;

    @Option(names = "--remote", defaultValue = "origin", description = "remote holding the branch (default: ${DEFAULT-VALUE})")
    String remote;

    @Option(names = "--branch", required = true, description = "the branch to check, e.g. the promotion branch")
    String branch;

    @Option(names = "--env-dir", required = true, paramLabel = "DIR", description = "the overlay, e.g. gitops-envs/envs/prod")
    String envDir;

    @Option(names = "--digests", required = true, description = "JSON {\"<service>\": \"sha256:...\"} it must pin")
    String digests;

    @Override
    public Integer call() {
        Map<String, String> expected = PublishedImages.parseDigests(digests);
        ProcessRunner.run(List.of("git", "fetch", "--quiet", "--no-tags", remote, "refs/heads/" + branch), repo.dir(), Duration.ofSeconds(120)).orThrow();
        String overlay = envDir.replaceAll("/+$", "") + "/kustomization.yaml";
        String text = ProcessRunner.run(List.of("git", "show", "FETCH_HEAD:" + overlay), repo.dir(), Duration.ofSeconds(30)).orThrow().stdout();
        SortedMap<String, String> pinned = OverlayImages.digests(OverlayImages.parse(text, branch + ":" + overlay));
        List<String> wrong = expected.entrySet().stream().filter(entry -> !entry.getValue().equals(pinned.get(entry.getKey())))
                .map(entry -> entry.getKey() + " pins " + pinned.get(entry.getKey()) + ", not " + entry.getValue()).toList();
        if (!wrong.isEmpty()) {
            throw CliException.findings(branch + ":" + overlay + ": " + String.join("; ", wrong));
        }
        System.out.println(branch + ":" + overlay + " pins " + expected);
        return 0;
    }
}
