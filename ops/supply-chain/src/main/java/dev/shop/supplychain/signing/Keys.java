package dev.shop.supplychain.signing;

import dev.shop.cli.CliException;
import dev.shop.cli.CliFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ECDSA P-256 keys in PEM: the key type cosign makes with {@code cosign generate-key-pair}, so
 * {@code cosign verify --key} accepts a public key made here and the reverse. The private key is
 * plain PKCS#8 (cosign encrypts its own); it never leaves the machine that signs.
 */
public final class Keys {

    static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private Keys() {
    }

    /** Writes a new key pair: the private key readable by its owner only, both atomically. */
    public static void generate(Path privateKeyFile, Path publicKeyFile) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            CliFiles.writeAtomically(privateKeyFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            CliFiles.writeAtomicallyReadableByAll(publicKeyFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no EC P-256", e);
        }
    }

    public static PrivateKey readPrivate(Path file) {
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(decode(file, "PRIVATE KEY")));
        } catch (GeneralSecurityException e) {
            throw CliException.usage(file + " is not an EC private key (PKCS#8 PEM): " + e.getMessage());
        }
    }

    public static PublicKey readPublic(Path file) {
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(decode(file, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw CliException.usage(file + " is not an EC public key (PEM): " + e.getMessage());
        }
    }

    private static byte[] decode(Path file, String type) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw CliException.usage("cannot read key file " + file + ": " + e.getMessage());
        }
        Matcher matcher = PEM.matcher(text);
        if (!matcher.find() || !matcher.group(1).equals(type)) {
            throw CliException.usage(file + " holds no PEM block '" + type + "'");
        }
        return Base64.getMimeDecoder().decode(matcher.group(2));
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
