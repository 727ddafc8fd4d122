package dev.shop.supplychain.signing;

import dev.shop.cli.CliException;
import dev.shop.supplychain.ImageReference;
import dev.shop.supplychain.support.FakeSigstore;
import dev.shop.supplychain.support.RegistryTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Keyless verification, as CI's gitops runs it, against an offline stand-in for Fulcio and Rekor
 * (support/FakeSigstore): the pipeline's identity is accepted; another workflow, another CA, a
 * forged log timestamp and a log entry for another signature are refused.
 */
class KeylessVerifyTest extends RegistryTest {

    static final String PIPELINE = "https://github.com/example-org/shop/.github/workflows/deliver.yml@refs/heads/develop";
    static final String TRUSTED = "^https://github\\.com/example-org/shop/\\.github/workflows/deliver\\.yml@refs/heads/(develop|release/.+|hotfix/.+)$";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static FakeSigstore sigstore;
    private static SignatureVerifier verifier;

    @BeforeAll
    static void start() throws Exception {
        sigstore = FakeSigstore.start(work.resolve("sigstore"));
        verifier = SignatureVerifier.trustingIdentity(FakeSigstore.GITHUB_ISSUER, TRUSTED, SigstoreTrust.parse(sigstore.trustedRoot()), List.of());
    }

    @Test
    void aSignatureByThePipelinesIdentityVerifies() throws Exception {
        ImageReference image = registry.pushImage("shop/catalog", "2.0.0", "catalog 2.0.0");
        sigstore.sign(registry.client(), image, PIPELINE, FakeSigstore.GITHUB_ISSUER);

        assertThat(verifier.verify(registry.client(), image).payload().manifestDigest()).isEqualTo(image.digest());
    }

    @Test
    void anotherWorkflowOrIssuerIsRefused() throws Exception {
        ImageReference image = registry.pushImage("shop/catalog", "2.0.1", "catalog 2.0.1");
        String other = "https://github.com/example-org/shop/.github/workflows/pull-request.yml@refs/heads/develop";
        sigstore.sign(registry.client(), image, other, FakeSigstore.GITHUB_ISSUER);

        assertThatThrownBy(() -> verifier.verify(registry.client(), image)).isInstanceOf(CliException.class)
                .hasMessage("no keyless signature of " + image + " is trusted: signed by " + other + " (issuer "
                        + FakeSigstore.GITHUB_ISSUER + "), not by " + TRUSTED + " (issuer " + FakeSigstore.GITHUB_ISSUER + ")");

        sigstore.sign(registry.client(), image, PIPELINE, "https://accounts.example.com");
        assertThatThrownBy(() -> verifier.verify(registry.client(), image)).hasMessageContaining("(issuer https://accounts.example.com), not by");
    }

    @Test
    void aCertificateFromAnotherCaIsRefused() throws Exception {
        ImageReference image = registry.pushImage("shop/catalog", "2.0.2", "catalog 2.0.2");
        sigstore.sign(registry.client(), image, PIPELINE, FakeSigstore.GITHUB_ISSUER);
        FakeSigstore stranger = FakeSigstore.start(work.resolve("stranger"));
        ObjectNode root = (ObjectNode) JSON.readTree(sigstore.trustedRoot());
        root.set("certificateAuthorities", JSON.readTree(stranger.trustedRoot()).path("certificateAuthorities"));
        SignatureVerifier otherCa = SignatureVerifier.trustingIdentity(FakeSigstore.GITHUB_ISSUER, TRUSTED,
                SigstoreTrust.parse(JSON.writeValueAsBytes(root)), List.of());

        assertThatThrownBy(() -> otherCa.verify(registry.client(), image)).hasMessageEndingWith("is trusted: certificate is not issued by a trusted Fulcio");
    }

    @Test
    void aForgedLogTimestampOrAnEntryForAnotherSignatureIsRefused() throws Exception {
        ImageReference image = registry.pushImage("shop/catalog", "2.0.3", "catalog 2.0.3");
        Map<String, String> annotations = sigstore.sign(registry.client(), image, PIPELINE, FakeSigstore.GITHUB_ISSUER);
        byte[] payload = SimpleSigningPayload.of(image, Map.of()).toBytes();

        ObjectNode bundle = (ObjectNode) JSON.readTree(annotations.get(KeylessCheck.BUNDLE_ANNOTATION));
        ((ObjectNode) bundle.path("Payload")).put("integratedTime", bundle.path("Payload").path("integratedTime").asLong() + 1);
        FakeSigstore.push(registry.client(), image, payload, with(annotations, KeylessCheck.BUNDLE_ANNOTATION, JSON.writeValueAsString(bundle)));
        assertThatThrownBy(() -> verifier.verify(registry.client(), image)).hasMessageEndingWith("Rekor signed entry timestamp does not verify");

        ImageReference other = registry.pushImage("shop/catalog", "2.0.4", "catalog 2.0.4");
        Map<String, String> otherAnnotations = sigstore.sign(registry.client(), other, PIPELINE, FakeSigstore.GITHUB_ISSUER);
        FakeSigstore.push(registry.client(), image, payload,
                with(annotations, KeylessCheck.BUNDLE_ANNOTATION, otherAnnotations.get(KeylessCheck.BUNDLE_ANNOTATION)));
        assertThatThrownBy(() -> verifier.verify(registry.client(), image)).hasMessageEndingWith("Rekor entry is for another signature");
    }

    @Test
    void thePublicGoodTrustedRootHoldsRekorsKeyAndFulciosChains() {
        SigstoreTrust trust = SigstoreTrust.publicGood();

        assertThat(trust.logKey(HexFormat.of().formatHex(java.util.Base64.getDecoder().decode("wNI9atQGlz+VWfO6LRygH4QUfY/8W4RFwiT5i5WRgB0="))))
                .as("rekor.sigstore.dev, the log cosign --new-bundle-format=false signs into").isNotNull();
        assertThat(trust.authorities()).hasSize(2);
    }

    private static Map<String, String> with(Map<String, String> annotations, String key, String value) {
        Map<String, String> changed = new HashMap<>(annotations);
        changed.put(key, value);
        return changed;
    }
}
