package dev.shop.supplychain.signing;

import dev.shop.cli.CliException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Sigstore roots a keyless signature is checked against: Fulcio's certificate chains (leaf
 * certificates must chain to them) and the transparency logs' keys (the Rekor entry's signed
 * timestamp must verify with one). Read from a Sigstore TrustedRoot JSON; the public-good instance's
 * is on the classpath (sigstore/trusted_root.json, from sigstore/root-signing targets/).
 */
public final class SigstoreTrust {

    /** One Fulcio chain, root last, as the TrustedRoot lists it. */
    record CertificateAuthority(List<X509Certificate> chain) {
    }

    private final List<CertificateAuthority> authorities;
    /** Log keys by log id: the lowercase hex SHA-256 of the key's DER encoding. */
    private final Map<String, PublicKey> logKeys;

    private SigstoreTrust(List<CertificateAuthority> authorities, Map<String, PublicKey> logKeys) {
        this.authorities = authorities;
        this.logKeys = logKeys;
    }

    public static SigstoreTrust publicGood() {
        try (InputStream in = SigstoreTrust.class.getResourceAsStream("/sigstore/trusted_root.json")) {
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("sigstore/trusted_root.json missing from the classpath", e);
        }
    }

    public static SigstoreTrust parse(byte[] json) {
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(json);
        } catch (JacksonException e) {
            throw CliException.usage("trusted root is not JSON: " + e.getOriginalMessage());
        }
        try {
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            List<CertificateAuthority> authorities = new ArrayList<>();
            for (JsonNode ca : root.path("certificateAuthorities")) {
                List<X509Certificate> chain = new ArrayList<>();
                for (JsonNode certificate : ca.path("certChain").path("certificates")) {
                    chain.add((X509Certificate) x509.generateCertificate(new ByteArrayInputStream(
                            Base64.getDecoder().decode(certificate.path("rawBytes").asString()))));
                }
                authorities.add(new CertificateAuthority(chain));
            }
            Map<String, PublicKey> logKeys = new TreeMap<>();
            for (JsonNode log : root.path("tlogs")) {
                byte[] der = Base64.getDecoder().decode(log.path("publicKey").path("rawBytes").asString());
                String algorithm = log.path("publicKey").path("keyDetails").asString("").contains("ED25519") ? "Ed25519" : "EC";
                logKeys.put(HexFormat.of().formatHex(Base64.getDecoder().decode(log.path("logId").path("keyId").asString())),
                        KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der)));
            }
            return new SigstoreTrust(authorities, logKeys);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw CliException.usage("trusted root holds an unreadable certificate or key: " + e.getMessage());
        }
    }

    List<CertificateAuthority> authorities() {
        return authorities;
    }

    PublicKey logKey(String logId) {
        return logKeys.get(logId);
    }

    static X509Certificate certificate(byte[] pemOrDer) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pemOrDer));
        } catch (CertificateException e) {
            throw CliException.findings("signature certificate is not X.509: " + e.getMessage());
        }
    }
}
