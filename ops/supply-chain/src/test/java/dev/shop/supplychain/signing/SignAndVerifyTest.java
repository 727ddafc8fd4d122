package dev.shop.supplychain.signing;

import dev.shop.cli.CliException;
import dev.shop.supplychain.ImageReference;
import dev.shop.supplychain.cli.SupplyChainCli;
import dev.shop.supplychain.registry.OciRegistry;
import dev.shop.supplychain.sbom.SbomAttachment;
import dev.shop.supplychain.support.RegistryTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The local rehearsal of the pipeline's supply chain against a real registry: push an image,
 * attach its SBOM, sign it with a local key, verify it; and the refusals of an unsigned, a
 * tampered and a foreign-signed digest.
 */
class SignAndVerifyTest extends RegistryTest {

    private static Path privateKey;
    private static Path publicKey;
    private static ImageReference catalog;
    private static Path sbom;

    @BeforeAll
    static void pushAttachAndSign() throws Exception {
        privateKey = work.resolve("keys/pipeline.key");
        publicKey = work.resolve("keys/pipeline.pub");
        Keys.generate(privateKey, publicKey);
        catalog = registry.pushImage("shop/catalog", "1.4.0", "catalog 1.4.0");
        sbom = Path.of("src/test/resources/sboms/picocli-4.7.7/bom.json");
        assertThat(cli("attach-sbom", "--image", catalog.toString(), "--sbom", sbom.toString()).exit).isZero();
        assertThat(cli("sign", "--image", catalog.toString(), "--key", privateKey.toString(), "--sbom", sbom.toString()).exit).isZero();
    }

    @Test
    void aSignedImageVerifiesAndItsSignedPayloadNamesTheAttachedSbom() throws Exception {
        SignatureVerifier.Verified verified = SignatureVerifier.trusting(List.of(publicKey)).verify(registry.client(), catalog);

        assertThat(verified.payload().manifestDigest()).isEqualTo(catalog.digest());
        assertThat(verified.payload().dockerReference()).isEqualTo(catalog.name());
        byte[] attached = new SbomAttachment(registry.client()).read(catalog).orElseThrow();
        assertThat(attached).isEqualTo(Files.readAllBytes(sbom));
        assertThat(verified.payload().optional()).containsEntry(SbomAttachment.SIGNED_ANNOTATION, OciRegistry.sha256(attached));
    }

    @Test
    void signaturesAndSbomsSitUnderCosignsTagsOnThisRegistryWithoutReferrers() {
        assertThat(registry.client().referrers("shop/catalog", catalog.digest(), SbomAttachment.MEDIA_TYPE)).isEmpty();
        assertThat(registry.client().manifest("shop/catalog", catalog.derivedTag(".sig"))).isPresent();
        assertThat(registry.client().manifest("shop/catalog", catalog.derivedTag(".sbom"))).isPresent();
    }

    @Test
    void theSignedPayloadHasCosignsSimpleSigningShape() {
        OciRegistry.Manifest signatures = registry.client().manifest("shop/catalog", catalog.derivedTag(".sig")).orElseThrow();
        var layer = signatures.json().path("layers").get(0);
        assertThat(layer.path("mediaType").asString()).isEqualTo("application/vnd.dev.cosign.simplesigning.v1+json");
        assertThat(layer.path("annotations").path("dev.cosignproject.cosign/signature").asString()).isNotBlank();
        var payload = JsonMapper.builder().build().readTree(registry.client().blob("shop/catalog", layer.path("digest").asString()));
        assertThat(payload.path("critical").path("type").asString()).isEqualTo("cosign container image signature");
        assertThat(payload.path("critical").path("image").path("docker-manifest-digest").asString()).isEqualTo(catalog.digest());
        assertThat(payload.path("critical").path("identity").path("docker-reference").asString()).isEqualTo(catalog.name());
    }

    @Test
    void anUnsignedDigestIsRefusedWithOneLine() {
        ImageReference unsigned = registry.pushImage("shop/catalog", "1.4.1", "catalog 1.4.1, never signed");

        Result result = cli("verify", "--image", unsigned.toString(), "--key", publicKey.toString());

        assertThat(result.exit).isEqualTo(1);
        assertThat(result.err.strip()).isEqualTo("supply-chain: " + unsigned + " is not signed (no signature under tag "
                + unsigned.derivedTag(".sig") + ")");
    }

    @Test
    void aSignatureCopiedOntoAnotherDigestIsRefused() {
        ImageReference tampered = registry.pushImage("shop/catalog", "1.4.2", "catalog 1.4.2 with a swapped layer");
        OciRegistry.Manifest copied = registry.client().manifest("shop/catalog", catalog.derivedTag(".sig")).orElseThrow();
        registry.client().putManifest("shop/catalog", tampered.derivedTag(".sig"), copied.mediaType(), copied.body());

        assertThatThrownBy(() -> SignatureVerifier.trusting(List.of(publicKey)).verify(registry.client(), tampered))
                .isInstanceOf(CliException.class)
                .hasMessage("signature under " + tampered.derivedTag(".sig") + " was made for " + catalog.digest()
                        + ", not for " + tampered.digest() + " (copied or tampered)");
    }

    @Test
    void anAlteredSignatureAndAnUntrustedKeyAreRefused() {
        ImageReference image = registry.pushImage("shop/orders", "2.0.0", "orders 2.0.0");
        Path otherKey = work.resolve("keys/other.key");
        Path otherPublic = work.resolve("keys/other.pub");
        Keys.generate(otherKey, otherPublic);
        new ImageSigner(registry.client(), Keys.readPrivate(otherKey)).sign(image, Map.of());

        assertThatThrownBy(() -> SignatureVerifier.trusting(List.of(publicKey)).verify(registry.client(), image))
                .hasMessage("no signature of " + image + " verifies with the trusted key(s) pipeline.pub");
        assertThat(SignatureVerifier.trusting(List.of(publicKey, otherPublic)).verify(registry.client(), image).trustedKey())
                .as("an added trusted key is accepted next to the old one").isEqualTo("other.pub");

        OciRegistry.Manifest signatures = registry.client().manifest("shop/orders", image.derivedTag(".sig")).orElseThrow();
        ObjectNode altered = (ObjectNode) signatures.json();
        ObjectNode annotations = (ObjectNode) altered.path("layers").get(0).path("annotations");
        String signature = annotations.path(ImageSigner.SIGNATURE_ANNOTATION).asString();
        annotations.put(ImageSigner.SIGNATURE_ANNOTATION, signature.substring(0, 20) + (signature.charAt(20) == 'A' ? 'B' : 'A') + signature.substring(21));
        registry.client().putManifest("shop/orders", image.derivedTag(".sig"), signatures.mediaType(),
                JsonMapper.builder().build().writeValueAsBytes(altered));

        assertThatThrownBy(() -> SignatureVerifier.trusting(List.of(otherPublic)).verify(registry.client(), image))
                .hasMessage("no signature of " + image + " verifies with the trusted key(s) other.pub");
    }

    @Test
    void aDigestTheRegistryDoesNotHoldIsRefused() {
        ImageReference missing = ImageReference.parse(registry.host() + "/shop/catalog@sha256:" + "0".repeat(64));

        assertThatThrownBy(() -> SignatureVerifier.trusting(List.of(publicKey)).verify(registry.client(), missing))
                .hasMessage(missing + " does not exist in the registry");
        assertThat(cli("sign", "--image", missing.toString(), "--key", privateKey.toString()).exit).isEqualTo(1);
    }

    @Test
    void badInputIsAUsageErrorAndAnUnreachableRegistryAnEnvironmentError() {
        assertThat(cli("verify", "--image", "shop/catalog:latest", "--key", publicKey.toString()).exit).isEqualTo(2);
        assertThat(cli("verify", "--image", catalog.toString(), "--key", privateKey.toString()).exit)
                .as("a private key where a public one belongs").isEqualTo(2);
        Result unreachable = cli("verify", "--image", "127.0.0.1:1/shop/catalog@" + catalog.digest(), "--key", publicKey.toString());
        assertThat(unreachable.exit).isEqualTo(3);
        assertThat(unreachable.err.lines()).hasSize(1);
    }

    record Result(int exit, String out, String err) {
    }

    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = SupplyChainCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
