package dev.shop.pipeline.registry;

import dev.shop.pipeline.GithubOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "missing-images", mixinStandardHelpOptions = true,
        description = {"Lists the services whose image tag is not in the registry yet, so a re-run builds and",
                "pushes only those: tags are immutable (ECR), and a version names one commit, so a tag that",
                "exists holds this commit's image and is reused, never pushed again.",
                "Outputs (--github-output): services=<to build> and modules=<app/service,...> (instead of printing them)."})
public final class MissingImagesCommand implements Callable<Integer> {

    @Mixin
    RegistryOptions registry;

    @Mixin
    GithubOutput githubOutput;

    @Override
    public Integer call() {
        RegistryClient client = registry.client();
        List<String> missing = new ArrayList<>();
        for (String service : ImageDigestsCommand.serviceNames(registry.services)) {
            var digest = client.digestOf(registry.repository(service), registry.tag);
            if (digest.isPresent()) {
                System.out.println(registry.image(service) + ":" + registry.tag + " exists (" + digest.get() + "): not rebuilt");
            } else {
                missing.add(service);
            }
        }
        String modules = String.join(",", missing.stream().map(service -> "app/" + service).toList());
        if (githubOutput.requested()) {
            githubOutput.append("services", String.join(",", missing));
            githubOutput.append("modules", modules);
        } else {
            System.out.println("to build: " + (missing.isEmpty() ? "nothing" : modules));
        }
        return 0;
    }
}
