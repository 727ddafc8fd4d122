package dev.shop.supplychain.cli;

import dev.shop.cli.CliException;
import dev.shop.cli.CliFiles;
import dev.shop.cli.Verb;
import dev.shop.supplychain.ImageReference;
import dev.shop.supplychain.registry.OciRegistry;
import dev.shop.supplychain.sbom.SbomAttachment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Command(name = "attach-sboms", mixinStandardHelpOptions = true,
        description = {"Attach each pushed service's SBOM (app/<service>/target/bom.json) to its image, and write",
            "the inputs of the signing steps: one line of cosign sign arguments per image (the SBOM's",
            "digest as a signed annotation) and the subjects of the provenance attestation."})
final class AttachSbomsCommand extends Verb {

    @Option(names = "--registry", required = true, paramLabel = "HOST", description = "Registry host, e.g. the ECR registry.")
    String registry;

    @Option(names = "--repository-prefix", defaultValue = "shop", paramLabel = "PREFIX",
            description = "Repositories are PREFIX/<service> (default: ${DEFAULT-VALUE}).")
    String prefix;

    @Option(names = "--digests", required = true, paramLabel = "JSON",
            description = "The pushed digests, {\"<service>\": \"sha256:...\"} (pipeline.jar image-digests).")
    String digests;

    @Option(names = "--repo", defaultValue = ".", paramLabel = "DIR", description = "Repository root holding app/<service>/target/bom.json.")
    Path repo;

    @Option(names = "--cosign-args", required = true, paramLabel = "FILE",
            description = "Written: per image, '-a dev.shop.sbom.digest=sha256:... IMAGE' for xargs -L1 cosign sign.")
    Path cosignArgs;

    @Option(names = "--subjects", required = true, paramLabel = "FILE",
            description = "Written: per image, '<hex>  <registry>/<repository>' (attest-build-provenance subject-checksums).")
    Path subjects;

    @Override
    public Integer call() {
        OciRegistry client = OciRegistry.withDockerLogin(registry);
        SbomAttachment attachment = new SbomAttachment(client);
        List<String> signLines = new ArrayList<>();
        List<String> subjectLines = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : parse(digests).properties()) {
            ImageReference image = ImageReference.parse(registry + "/" + prefix + "/" + entry.getKey() + "@" + entry.getValue().asString(""));
            Path sbom = repo.resolve("app").resolve(entry.getKey()).resolve("target/bom.json");
            SbomAttachment.Attached attached = attachment.attach(image, read(sbom));
            out().println(image + ": SBOM " + attached.sbomDigest() + " attached as " + attached.where());
            signLines.add("-a " + SbomAttachment.SIGNED_ANNOTATION + "=" + attached.sbomDigest() + " " + image);
            subjectLines.add(image.digest().substring("sha256:".length()) + "  " + image.name());
        }
        CliFiles.writeAtomically(cosignArgs, lines(signLines));
        CliFiles.writeAtomically(subjects, lines(subjectLines));
        return 0;
    }

    private static JsonNode parse(String json) {
        try {
            JsonNode node = JsonMapper.builder().build().readTree(json);
            if (!node.isObject() || node.isEmpty()) {
                throw CliException.usage("--digests is no JSON object of service -> digest: " + json);
            }
            return node;
        } catch (JacksonException e) {
            throw CliException.usage("--digests is not JSON: " + e.getOriginalMessage());
        }
    }

    private static byte[] read(Path sbom) {
        try {
            return Files.readAllBytes(sbom);
        } catch (IOException e) {
            throw CliException.usage("no SBOM at " + sbom + " (the cyclonedx-maven-plugin runs in the service's package phase)");
        }
    }

    private static String lines(List<String> lines) {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
}
