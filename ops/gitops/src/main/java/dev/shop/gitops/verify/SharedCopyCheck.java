package dev.shop.gitops.verify;

import dev.shop.gitops.layout.GitopsLayout;
import dev.shop.gitops.manifests.Manifests;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Rule own-shared-copy: an env takes base/ and components/ only through its own copy
 * (envs/ENV/shared/), never from gitops-envs/base or components directly. Those change with every
 * merge to the branch Argo CD reads; the copy changes only through set-image or a reviewed
 * promotion of that env (ADR 0205).
 */
final class SharedCopyCheck {

    static final String RULE = "own-shared-copy";

    private SharedCopyCheck() {
    }

    static List<Violation> check(GitopsLayout layout, String env) {
        Path file = layout.envKustomization(env);
        JsonNode kustomization;
        try {
            kustomization = Manifests.YAML.readTree(Files.readString(file));
        } catch (JacksonException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> shared = List.of(layout.root().resolve("base"), layout.root().resolve("components"));
        List<Violation> found = new ArrayList<>();
        for (String field : List.of("resources", "components")) {
            for (JsonNode entry : kustomization.path(field)) {
                String reference = entry.asString("");
                if (reference.contains("://") || reference.startsWith("github.com/")) {
                    continue;
                }
                Path target = layout.envDir(env).resolve(reference).normalize();
                if (shared.stream().anyMatch(target::startsWith)) {
                    found.add(new Violation(env, "kustomization", RULE,
                            field + " entry " + reference + " reads " + layout.root().relativize(target)
                                    + " directly, so every merge to the branch Argo CD reads changes this env",
                            "refer to this env's copy, " + "shared/" + layout.root().relativize(target)
                                    + ", which set-image and promote update (docs/golden-path.md)"));
                }
            }
        }
        return found;
    }
}
