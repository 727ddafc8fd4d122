package dev.shop.supplychain.signing;

import dev.shop.supplychain.registry.OciRegistry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Checks a keyless cosign signature in the .sig layout: the payload's signature verifies with the
 * Fulcio certificate in the layer's annotations; the certificate chains to a trusted Fulcio root at
 * the time the Rekor log recorded it; the Rekor entry (its signed entry timestamp verified with the
 * log's key) is for exactly this signature and certificate; and the certificate names the trusted
 * identity: its SAN matches the subject expression and its OIDC issuer extension is the issuer.
 */
final class KeylessCheck {

    static final String CERTIFICATE_ANNOTATION = "dev.sigstore.cosign/certificate";
    static final String BUNDLE_ANNOTATION = "dev.sigstore.cosign/bundle";
    /** Fulcio's OIDC issuer extension: v2 (DER UTF8String) and the deprecated v1 (raw bytes). */
    static final String ISSUER_V2 = "1.3.6.1.4.1.57264.1.8";
    static final String ISSUER_V1 = "1.3.6.1.4.1.57264.1.1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Who may sign keylessly: the OIDC issuer and a full-match expression for the certificate's SAN. */
    record Identity(String issuer, Pattern subject) {

        @Override
        public String toString() {
            return subject.pattern() + " (issuer " + issuer + ")";
        }
    }

    private KeylessCheck() {
    }

    /** Null when the signature holds, else why not (one phrase). */
    static String problem(byte[] payload, byte[] signature, JsonNode annotations, Identity identity, SigstoreTrust trust) {
        X509Certificate certificate = SigstoreTrust.certificate(
                annotations.path(CERTIFICATE_ANNOTATION).asString("").getBytes(StandardCharsets.US_ASCII));
        if (!verifies(certificate.getPublicKey(), payload, signature)) {
            return "signature does not verify with its certificate";
        }
        JsonNode entry;
        try {
            entry = JSON.readTree(annotations.path(BUNDLE_ANNOTATION).asString("{}")).path("Payload");
        } catch (JacksonException e) {
            return "Rekor bundle annotation is not JSON";
        }
        String logProblem = logEntryProblem(entry, annotations, payload, signature, certificate, trust);
        if (logProblem != null) {
            return logProblem;
        }
        Date logged = Date.from(Instant.ofEpochSecond(entry.path("integratedTime").asLong()));
        try {
            certificate.checkValidity(logged);
        } catch (CertificateException e) {
            return "certificate was not valid when the signature was logged (" + logged.toInstant() + ")";
        }
        if (!chainsToFulcio(certificate, logged, trust)) {
            return "certificate is not issued by a trusted Fulcio";
        }
        String subject = subject(certificate);
        String issuer = issuer(certificate);
        if (!identity.issuer().equals(issuer) || subject == null || !identity.subject().matcher(subject).matches()) {
            return "signed by " + subject + " (issuer " + issuer + "), not by " + identity;
        }
        return null;
    }

    private static String logEntryProblem(JsonNode entry, JsonNode annotations, byte[] payload, byte[] signature,
                                          X509Certificate certificate, SigstoreTrust trust) {
        PublicKey logKey = trust.logKey(entry.path("logID").asString(""));
        if (logKey == null) {
            return "no Rekor entry from a trusted log";
        }
        // Rekor signs the canonical JSON of the entry: keys sorted, no whitespace.
        Map<String, Object> canonical = new TreeMap<>();
        canonical.put("body", entry.path("body").asString(""));
        canonical.put("integratedTime", entry.path("integratedTime").asLong());
        canonical.put("logID", entry.path("logID").asString(""));
        canonical.put("logIndex", entry.path("logIndex").asLong());
        byte[] signedEntryTimestamp;
        try {
            signedEntryTimestamp = Base64.getDecoder().decode(
                    JSON.readTree(annotations.path(BUNDLE_ANNOTATION).asString()).path("SignedEntryTimestamp").asString(""));
        } catch (IllegalArgumentException e) {
            return "Rekor signed entry timestamp is not base64";
        }
        if (!verifies(logKey, JSON.writeValueAsBytes(canonical), signedEntryTimestamp)) {
            return "Rekor signed entry timestamp does not verify";
        }
        try {
            JsonNode spec = JSON.readTree(Base64.getDecoder().decode(entry.path("body").asString(""))).path("spec");
            boolean samePayload = OciRegistry.sha256(payload).equals("sha256:" + spec.path("data").path("hash").path("value").asString(""));
            boolean sameSignature = Arrays.equals(signature, Base64.getDecoder().decode(spec.path("signature").path("content").asString("")));
            X509Certificate logged = SigstoreTrust.certificate(
                    Base64.getDecoder().decode(spec.path("signature").path("publicKey").path("content").asString("")));
            if (!samePayload || !sameSignature || !Arrays.equals(logged.getEncoded(), certificate.getEncoded())) {
                return "Rekor entry is for another signature";
            }
        } catch (IllegalArgumentException | JacksonException | CertificateEncodingException e) {
            return "Rekor entry body is unreadable";
        }
        return null;
    }

    private static boolean chainsToFulcio(X509Certificate certificate, Date at, SigstoreTrust trust) {
        for (SigstoreTrust.CertificateAuthority authority : trust.authorities()) {
            List<X509Certificate> chain = authority.chain();
            List<X509Certificate> path = new ArrayList<>(List.of(certificate));
            path.addAll(chain.subList(0, chain.size() - 1));
            try {
                PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(chain.get(chain.size() - 1), null)));
                parameters.setRevocationEnabled(false);
                parameters.setDate(at);
                CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
                return true;
            } catch (GeneralSecurityException notThisAuthority) {
                // the next authority may have issued it
            }
        }
        return false;
    }

    private static boolean verifies(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(key.getAlgorithm().equals("EC") ? Keys.SIGNATURE_ALGORITHM : key.getAlgorithm());
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException malformed) {
            return false;
        }
    }

    /** The certificate's identity: its SAN URI (a workflow) or e-mail address. */
    static String subject(X509Certificate certificate) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names == null) {
                return null;
            }
            for (List<?> name : names) {
                int type = (Integer) name.get(0);
                if (type == 6 || type == 1) {
                    return (String) name.get(1);
                }
            }
            return null;
        } catch (CertificateException e) {
            return null;
        }
    }

    static String issuer(X509Certificate certificate) {
        byte[] v2 = certificate.getExtensionValue(ISSUER_V2);
        if (v2 != null) {
            return new String(derContent(derContent(v2)), StandardCharsets.UTF_8);
        }
        byte[] v1 = certificate.getExtensionValue(ISSUER_V1);
        return v1 == null ? null : new String(derContent(v1), StandardCharsets.UTF_8);
    }

    /** The content octets of one DER TLV (short or long form length). */
    private static byte[] derContent(byte[] tlv) {
        int length = tlv[1] & 0xff;
        int offset = 2;
        if (length > 0x7f) {
            int octets = length & 0x7f;
            length = 0;
            for (int i = 0; i < octets; i++) {
                length = (length << 8) | (tlv[2 + i] & 0xff);
            }
            offset += octets;
        }
        return Arrays.copyOfRange(tlv, offset, offset + length);
    }
}
