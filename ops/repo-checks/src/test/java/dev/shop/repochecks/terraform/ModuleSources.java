package dev.shop.repochecks.terraform;

import java.util.Set;

/** What a module block's source says about where the module comes from. */
final class ModuleSources {

    /** Arguments of a module block that are Terraform's, not the module's inputs. */
    static final Set<String> META_ARGUMENTS = Set.of("source", "version", "providers", "count", "for_each", "depends_on");

    private ModuleSources() {
    }

    static boolean isLocal(String source) {
        return source.startsWith("./") || source.startsWith("../");
    }

    /** registry sources: namespace/name/provider, optionally //submodule, optionally with a host. */
    static boolean isRegistry(String source) {
        return source.matches("^([a-z0-9.-]+\\.[a-z]+/)?[A-Za-z0-9_-]+/[A-Za-z0-9_-]+/[a-z0-9]+(//.+)?$");
    }
}
