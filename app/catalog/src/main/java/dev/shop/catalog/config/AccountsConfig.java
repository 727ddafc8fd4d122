package dev.shop.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import jakarta.validation.constraints.NotBlank;

import java.util.Map;
import java.util.Set;

/**
 * Accounts besides the admin, by user name ({@code shop.accounts.<name>.password} and {@code .roles}).
 * None by default; %test adds one without the admin role.
 */
@ConfigMapping(prefix = "shop.accounts")
public interface AccountsConfig {

    @WithParentName
    Map<String, Account> byName();

    interface Account {
        @NotBlank
        String password();

        Set<String> roles();
    }
}
