package dev.shop.pipeline.registry;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** How the registry commands log in: a user, and the password on standard input (never an argument). */
public final class RegistryLogin {

    @Option(names = "--username", description = "registry user (ECR: AWS); none for a local registry")
    String username;

    @Option(names = "--password-stdin", description = "read the registry password from standard input (aws ecr get-login-password)")
    boolean passwordStdin;

    private String password;
    private boolean passwordRead;

    /** A client for this host; the password is read from standard input once, on first use. */
    RegistryClient client(String host) {
        if (passwordStdin && !passwordRead) {
            try {
                password = new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            passwordRead = true;
        }
        return RegistryClient.forHost(host, username, password);
    }
}
