package dev.shop.catalog.security;

import dev.shop.catalog.config.AccountsConfig;
import dev.shop.catalog.config.AdminConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Checks HTTP Basic credentials against the accounts in configuration ({@link AdminConfig},
 * {@link AccountsConfig}).
 * The catalog has one admin and no user database, so a properties realm file would be one more secret
 * to mount; configuration keeps the credentials in the {@code catalog-admin} Secret's env vars.
 */
@ApplicationScoped
public class ConfiguredUsersIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    public static final String ADMIN_ROLE = "admin";

    private final AdminConfig admin;
    private final AccountsConfig accounts;

    public ConfiguredUsersIdentityProvider(AdminConfig admin, AccountsConfig accounts) {
        this.admin = admin;
        this.accounts = accounts;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        String username = request.getUsername();
        char[] password = request.getPassword().getPassword();
        if (matches(admin.username(), username) && matches(admin.password(), password)) {
            return Uni.createFrom().item(identity(username, Set.of(ADMIN_ROLE)));
        }
        AccountsConfig.Account account = accounts.byName().get(username);
        if (account != null && matches(account.password(), password)) {
            return Uni.createFrom().item(identity(username, account.roles()));
        }
        return Uni.createFrom().failure(new AuthenticationFailedException("unknown user or wrong password"));
    }

    private static SecurityIdentity identity(String username, Set<String> roles) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(username))
                .addRoles(roles)
                .build();
    }

    /** Constant-time comparison, so response times do not reveal how much of a secret was right. */
    private static boolean matches(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean matches(String expected, char[] given) {
        return matches(expected, new String(given));
    }
}
