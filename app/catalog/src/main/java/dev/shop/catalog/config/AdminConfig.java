package dev.shop.catalog.config;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * The catalog's admin, from {@code SHOP_ADMIN_USERNAME} and {@code SHOP_ADMIN_PASSWORD}. There is no
 * default outside %dev and %test: a production start without them fails instead of running with a
 * guessable password.
 */
@ConfigMapping(prefix = "shop.admin")
public interface AdminConfig {

    @NotBlank
    @Pattern(regexp = "[^:]+", message = "must not contain ':' (HTTP Basic)")
    String username();

    @NotBlank
    String password();
}
