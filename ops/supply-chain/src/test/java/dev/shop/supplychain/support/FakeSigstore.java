package dev.shop.supplychain.support;

import dev.shop.supplychain.ImageReference;
import dev.shop.supplychain.registry.ArtifactManifest;
import dev.shop.supplychain.registry.OciRegistry;
import dev.shop.supplychain.signing.SimpleSigningPayload;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stand-in for Sigstore's public instance, offline: a Fulcio-like CA made with the JDK's keytool
 * that issues short certificates carrying a SAN URI and Fulcio's OIDC issuer extension, and a
 * Rekor-like log key that signs entry timestamps. It signs images the way {@code cosign sign}
 * does keylessly in the .sig layout, and writes the TrustedRoot JSON a verifier trusts it through.
 */
public final class FakeSigstore {

    public static final String GITHUB_ISSUER = "https://token.actions.githubusercontent.com";
    private static final String PASSWORD = "changeit";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path dir;
    private final X509Certificate root;
    private final KeyPair log;
    /** Leaf certificates by SAN and issuer: keytool is slow, and a test signs many images as one identity. */
    private final Map<String, String> leaves = new HashMap<>();
    private int serial;

    private FakeSigstore(Path dir, X509Certificate root, KeyPair log) {
        this.dir = dir;
        this.root = root;
        this.log = log;
    }

    public static FakeSigstore start(Path dir) throws Exception {
        Files.createDirectories(dir);
        keytool(dir, "-genkeypair", "-alias", "fulcio", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=fake fulcio,O=shop tests", "-ext", "bc:c", "-ext", "ku:c=keyCertSign", "-validity", "30");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return new FakeSigstore(dir, (X509Certificate) keystore(dir).getCertificate("fulcio"), generator.generateKeyPair());
    }

    /** The TrustedRoot JSON naming this CA and log (the shape of sigstore/root-signing's trusted_root.json). */
    public byte[] trustedRoot() throws Exception {
        ObjectNode root = JSON.createObjectNode();
        root.putArray("certificateAuthorities").addObject().putObject("certChain").putArray("certificates")
                .addObject().put("rawBytes", Base64.getEncoder().encodeToString(this.root.getEncoded()));
        ObjectNode tlog = root.putArray("tlogs").addObject();
        tlog.putObject("publicKey").put("rawBytes", Base64.getEncoder().encodeToString(log.getPublic().getEncoded()))
                .put("keyDetails", "PKIX_ECDSA_P256_SHA_256");
        tlog.putObject("logId").put("keyId", Base64.getEncoder().encodeToString(logId()));
        return JSON.writeValueAsBytes(root);
    }

    /** Signs {@code image} as {@code san} with issuer {@code issuer}, as cosign does keylessly; returns the layer's annotations. */
    public Map<String, String> sign(OciRegistry registry, ImageReference image, String san, String issuer) throws Exception {
        String alias = leaves.computeIfAbsent(san + " " + issuer, identity -> "leaf" + (++serial));
        if (!Files.exists(dir.resolve(alias + ".pem"))) {
            keytool(dir, "-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=sigstore", "-validity", "1");
            keytool(dir, "-certreq", "-alias", alias, "-file", dir.resolve(alias + ".csr").toString());
            keytool(dir, "-gencert", "-alias", "fulcio", "-infile", dir.resolve(alias + ".csr").toString(),
                    "-outfile", dir.resolve(alias + ".pem").toString(), "-rfc", "-validity", "1",
                    "-ext", "san=uri:" + san, "-ext", "ku:c=digitalSignature", "-ext", "eku=codeSigning",
                    "-ext", "1.3.6.1.4.1.57264.1.8=" + utf8String(issuer));
        }
        String certificatePem = Files.readString(dir.resolve(alias + ".pem"));
        PrivateKey key = (PrivateKey) keystore(dir).getKey(alias, PASSWORD.toCharArray());

        byte[] payload = SimpleSigningPayload.of(image, Map.of()).toBytes();
        byte[] signature = sign(key, payload);
        Map<String, String> annotations = new TreeMap<>();
        annotations.put("dev.cosignproject.cosign/signature", Base64.getEncoder().encodeToString(signature));
        annotations.put("dev.sigstore.cosign/certificate", certificatePem);
        annotations.put("dev.sigstore.cosign/chain", pem(root));
        annotations.put("dev.sigstore.cosign/bundle", bundle(payload, signature, certificatePem));
        push(registry, image, payload, annotations);
        return annotations;
    }

    /** Replaces the image's signatures by one layer with these annotations (for tampering). */
    public static void push(OciRegistry registry, ImageReference image, byte[] payload, Map<String, String> annotations) {
        ArtifactManifest.push(registry, image.repository(), image.derivedTag(".sig"), null, null, List.of(),
                List.of(new ArtifactManifest.Layer(SimpleSigningPayload.MEDIA_TYPE, payload, annotations)));
    }

    /** The Rekor bundle: the hashedrekord entry and its signed entry timestamp. */
    private String bundle(byte[] payload, byte[] signature, String certificatePem) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("apiVersion", "0.0.1").put("kind", "hashedrekord");
        ObjectNode spec = body.putObject("spec");
        spec.putObject("data").putObject("hash").put("algorithm", "sha256")
                .put("value", OciRegistry.sha256(payload).substring("sha256:".length()));
        spec.putObject("signature").put("content", Base64.getEncoder().encodeToString(signature))
                .putObject("publicKey").put("content", Base64.getEncoder().encodeToString(certificatePem.getBytes(StandardCharsets.US_ASCII)));
        Map<String, Object> entry = new TreeMap<>();
        entry.put("body", Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(body)));
        entry.put("integratedTime", Instant.now().getEpochSecond());
        entry.put("logID", HexFormat.of().formatHex(logId()));
        entry.put("logIndex", 42L);
        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("SignedEntryTimestamp", Base64.getEncoder().encodeToString(sign(log.getPrivate(), JSON.writeValueAsBytes(entry))));
        bundle.set("Payload", JSON.valueToTree(entry));
        return JSON.writeValueAsString(bundle);
    }

    private byte[] logId() throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(log.getPublic().getEncoded());
    }

    private static byte[] sign(PrivateKey key, byte[] data) throws Exception {
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(data);
        return signer.sign();
    }

    /** keytool's -ext OID=value takes the hex of the DER extnValue: here a UTF8String. */
    private static String utf8String(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(new byte[] {0x0c, (byte) bytes.length}) + HexFormat.of().formatHex(bytes);
    }

    private static String pem(X509Certificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
    }

    private static KeyStore keystore(Path dir) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("ca.p12"))) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static void keytool(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("-keystore", dir.resolve("ca.p12").toString(), "-storepass", PASSWORD, "-storetype", "PKCS12"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + ": " + output);
        }
    }
}
