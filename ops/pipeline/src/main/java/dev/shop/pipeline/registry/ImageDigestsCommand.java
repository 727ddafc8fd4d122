package dev.shop.pipeline.registry;

import dev.shop.cli.CliException;
import dev.shop.cli.RepositoryOption;
import dev.shop.pipeline.GithubOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

@Command(name = "image-digests", mixinStandardHelpOptions = true,
        description = {"Reads what the registry holds for each service's tag and prints it as the images JSON",
                "{\"<service>\": {\"image\", \"tag\", \"digest\"}} the write-back and the deploy wait use. Where this",
                "run's Jib pushed (app/<service>/target/jib-image.digest), the registry must hold that digest;",
                "those services are also listed as pushed={\"<service>\": \"sha256:...\"} (what this run signs).",
                "Outputs (--github-output): images=<json> and pushed=<json> (instead of printing them)."})
public final class ImageDigestsCommand implements Callable<Integer> {

    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

    @Mixin
    RegistryOptions registry;

    @Mixin
    RepositoryOption repo;

    @Mixin
    GithubOutput githubOutput;

    @Override
    public Integer call() throws IOException {
        RegistryClient client = registry.client();
        Map<String, PublishedImages.Published> images = new TreeMap<>();
        Map<String, String> pushedNow = new TreeMap<>();
        for (String service : serviceNames(registry.services)) {
            String digest = client.digestOf(registry.repository(service), registry.tag).orElseThrow(() -> CliException.findings(
                    registry.image(service) + ":" + registry.tag + " is not in the registry: was " + service + " pushed?"));
            Path pushed = jibDigestFile(repo.dir(), service);
            if (Files.isRegularFile(pushed)) {
                if (!Files.readString(pushed).strip().equals(digest)) {
                    throw CliException.findings(registry.image(service) + ":" + registry.tag + " is " + digest
                            + ", but Jib pushed " + Files.readString(pushed).strip());
                }
                pushedNow.put(service, digest);
            }
            images.put(service, new PublishedImages.Published(registry.image(service), registry.tag, digest));
        }
        String json = PublishedImages.toJson(images);
        if (githubOutput.requested()) {
            githubOutput.append("images", json);
            githubOutput.append("pushed", new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(pushedNow).toString());
        } else {
            System.out.println(json);
        }
        return 0;
    }

    static List<String> serviceNames(String services) {
        List<String> names = Arrays.stream(services.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String service : names) {
            if (!service.matches("[a-z][a-z0-9-]*")) {
                throw CliException.usage("not a service name: " + service);
            }
        }
        return names;
    }

    private static Path jibDigestFile(Path repo, String service) {
        return repo.resolve("app").resolve(service).resolve("target/jib-image.digest");
    }

    /** The digests Jib wrote for these services in a checkout (the local rehearsal reads them). */
    public static Map<String, String> read(Path repo, String services) throws IOException {
        Map<String, String> digests = new LinkedHashMap<>();
        for (String service : serviceNames(services)) {
            Path file = jibDigestFile(repo, service);
            if (!Files.isRegularFile(file)) {
                throw CliException.findings(file + " is missing: was " + service + " built with a push?");
            }
            String digest = Files.readString(file).strip();
            if (!DIGEST.matcher(digest).matches()) {
                throw CliException.findings(file + " holds no sha256 digest: " + digest);
            }
            digests.put(service, digest);
        }
        return digests;
    }
}
