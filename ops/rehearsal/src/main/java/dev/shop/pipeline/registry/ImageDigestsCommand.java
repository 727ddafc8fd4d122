package dev.shop.pipeline.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shop.pipeline.GithubOutput;
import dev.shop.pipeline.PipelineException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

@Command(name = "image-digests", mixinStandardHelpOptions = true,
        description = {"Collects the digests Jib pushed (app/<service>/target/jib-image.digest) as JSON",
                "{\"<service>\": \"sha256:...\"}, for the write-back and the load-test wait."})
public final class ImageDigestsCommand implements Callable<Integer> {

    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--services", required = true, description = "comma-separated services, e.g. catalog,orders")
    String services;

    @Option(names = "--repo", defaultValue = ".", description = "the repository root (default: ${DEFAULT-VALUE})")
    Path repo;

    @Option(names = "--github-output", paramLabel = "FILE",
            description = "append digests=<json> to this file ($GITHUB_OUTPUT) instead of printing")
    Path githubOutput;

    @Override
    public Integer call() throws IOException {
        ObjectNode json = JSON.createObjectNode();
        read(repo, services).forEach(json::put);
        String text = JSON.writeValueAsString(json);
        if (githubOutput != null) {
            GithubOutput.append(githubOutput, "digests", text);
        } else {
            System.out.println(text);
        }
        return 0;
    }

    public static Map<String, String> read(Path repo, String services) throws IOException {
        Map<String, String> digests = new LinkedHashMap<>();
        for (String service : Arrays.stream(services.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            if (!service.matches("[a-z][a-z0-9-]*")) {
                throw PipelineException.usage("not a service name: " + service);
            }
            Path file = repo.resolve("app").resolve(service).resolve("target/jib-image.digest");
            if (!Files.isRegularFile(file)) {
                throw PipelineException.findings(file + " is missing: was " + service + " built with a push?");
            }
            String digest = Files.readString(file).strip();
            if (!DIGEST.matcher(digest).matches()) {
                throw PipelineException.findings(file + " holds no sha256 digest: " + digest);
            }
            digests.put(service, digest);
        }
        return digests;
    }
}
