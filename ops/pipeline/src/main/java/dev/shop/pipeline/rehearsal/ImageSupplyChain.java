package dev.shop.pipeline.rehearsal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shop.cli.CliException;
import dev.shop.cli.ProcessRunner;
import dev.shop.pipeline.registry.RegistryClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The supply-chain steps of deliver.yml's publish job (.github/actions/sign-images) played on this
 * machine with the checkout's supply-chain.jar: each pushed image gets its SBOM attached and a
 * signature, made with a local key pair where CI signs keylessly; gitops then verifies with the
 * public key before it writes a digest. Also makes the forgeries a rehearsal shows refused.
 */
public final class ImageSupplyChain {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path keyDir;

    private ImageSupplyChain(Path keyDir) {
        this.keyDir = keyDir;
    }

    /** A new key pair in {@code keyDir}, made by the supply-chain.jar the checkout built (with the gitops CLI). */
    public static ImageSupplyChain withNewKeyPair(Path checkout, Path keyDir) {
        ImageSupplyChain chain = new ImageSupplyChain(keyDir);
        chain.run(checkout, "keygen", "--private-key", chain.privateKey().toString(), "--public-key", chain.publicKey().toString());
        return chain;
    }

    /**
     * As the sign-images action: attach-sboms attaches app/&lt;service&gt;/target/bom.json (made by the same
     * build) to each image, then each image is signed with its SBOM's digest signed along.
     */
    public void attachAndSign(Path checkout, String registryHost, Map<String, String> digests) {
        Path signingInputs = keyDir.resolve("signing-inputs");
        run(checkout, "attach-sboms", "--registry", registryHost, "--digests", json(digests), "--repo", checkout.toString(),
                "--cosign-args", signingInputs.resolve("cosign-args").toString(), "--subjects", signingInputs.resolve("subjects").toString());
        digests.forEach((service, digest) -> run(checkout, "sign", "--image", registryHost + "/shop/" + service + "@" + digest,
                "--key", privateKey().toString(), "--sbom", checkout.resolve("app").resolve(service).resolve("target/bom.json").toString()));
    }

    /** The gitops arguments that make set-image and promote refuse a digest this key did not sign. */
    public List<String> verifyArguments() {
        return List.of("--verify-signatures-with", publicKey().toString());
    }

    private Path privateKey() {
        return keyDir.resolve("rehearsal.key");
    }

    private Path publicKey() {
        return keyDir.resolve("rehearsal.pub");
    }

    /**
     * Pushes, under {@code tag}, a copy of {@code repository@digest} whose manifest carries one more
     * annotation: the same layers, a new digest, and no signature. Returns the new digest.
     */
    public static String alteredCopy(RegistryClient registry, String repository, String digest, String tag) {
        RegistryClient.Manifest original = registry.manifest(repository, digest);
        try {
            ObjectNode manifest = (ObjectNode) JSON.readTree(original.body());
            manifest.putObject("annotations").put("dev.shop.rehearsal/altered", "not what the pipeline built");
            byte[] body = JSON.writeValueAsBytes(manifest);
            return registry.putManifest(repository, tag, new RegistryClient.Manifest(original.mediaType(), body, RegistryClient.sha256(body)));
        } catch (IOException e) {
            throw CliException.environment("manifest of " + repository + "@" + digest + " is not JSON: " + e.getMessage());
        }
    }

    /** Puts the signature of {@code signed} next to {@code other} (cosign's sha256-&lt;hex&gt;.sig tag), as a replay would. */
    public static void copySignature(RegistryClient registry, String repository, String signed, String other) {
        RegistryClient.Manifest signature = registry.manifest(repository, signatureTag(signed));
        registry.putManifest(repository, signatureTag(other), signature);
    }

    private static String signatureTag(String digest) {
        return digest.replace(':', '-') + ".sig";
    }

    /** Runs the checkout's supply-chain.jar in the checkout. */
    private void run(Path checkout, String... args) {
        Path jar = checkout.resolve("ops/supply-chain/target/supply-chain.jar");
        if (!Files.isRegularFile(jar)) {
            throw CliException.environment("no " + jar + ": build ops/supply-chain (package) first");
        }
        List<String> command = new ArrayList<>(List.of("java", "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessRunner.Result result = ProcessRunner.run(command, checkout, Duration.ofMinutes(5)).orThrow();
        if (!result.stdout().isBlank()) {
            System.out.println(result.stdout().strip().indent(4).stripTrailing());
        }
    }

    private static String json(Map<String, String> digests) {
        try {
            return JSON.writeValueAsString(digests);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
