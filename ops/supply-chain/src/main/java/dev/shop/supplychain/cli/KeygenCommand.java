package dev.shop.supplychain.cli;

import dev.shop.supplychain.signing.Keys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = "Make an ECDSA P-256 key pair (PEM) for signing without Sigstore (the local rehearsal).")
final class KeygenCommand implements Callable<Integer> {

    @Option(names = "--private-key", required = true, paramLabel = "FILE", description = "Where the private key goes (mode 600).")
    Path privateKey;

    @Option(names = "--public-key", required = true, paramLabel = "FILE", description = "Where the public key goes.")
    Path publicKey;

    @Override
    public Integer call() {
        Keys.generate(privateKey, publicKey);
        return 0;
    }
}
