package dev.shop.storefront.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the storefront under {@code shop.*}. */
@ConfigMapping(prefix = "shop")
public interface ShopConfig {

    /** The shop's name, shown in every page header. */
    @WithDefault("Corner Shop")
    String name();

    Session session();

    Catalog catalog();

    interface Session {
        /** How long a session (and its cart) lives after the shopper's last request. */
        @WithDefault("P7D")
        Duration ttl();

        /**
         * Whether the session cookie carries {@code Secure}. Browsers accept Secure cookies from
         * http://localhost, so only a plain-HTTP deployment under another host name turns this off.
         */
        @WithDefault("true")
        boolean cookieSecure();
    }

    interface Catalog {
        /** Products per page of the product list. */
        @WithDefault("12")
        int pageSize();
    }
}
