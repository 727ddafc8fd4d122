package dev.shop.pipeline.affected;

import dev.shop.pipeline.affected.ModuleGraph.Module;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which modules a set of changed files affects: the modules holding them and their dependents;
 * every module when a shared build file changed. Paths outside any module that a module's tests
 * read count for that module (workflows and Terraform for repo-checks, overlays for gitops).
 */
public final class AffectedModules {

    /** Files every module's build reads: a change to one of them rebuilds everything. */
    static final List<String> SHARED_BUILD_FILES = List.of("pom.xml", "mvnw", "mvnw.cmd", ".mvn/");

    /** Folders outside the modules, and the module whose tests check them. */
    static final Map<String, String> CHECKED_BY = Map.of(
            ".github/", "ops/repo-checks",
            "infra-terraform/", "ops/repo-checks",
            "docs/", "ops/repo-checks",
            "gitops-envs/", "ops/gitops");

    public record Result(List<Module> modules) {

        /** The value for Maven's {@code -pl}: module paths, comma-separated; empty when nothing is affected. */
        public String mavenProjects() {
            return String.join(",", modules.stream().map(Module::path).toList());
        }

        /** The modules among them that build an image, for Maven's {@code -pl} in the image build. */
        public String imageModules() {
            return String.join(",", modules.stream().filter(Module::buildsImage).map(Module::path).toList());
        }

        /** The services among them that build an image, by artifactId (= image and overlay name). */
        public String services() {
            return String.join(",", modules.stream().filter(Module::buildsImage).map(Module::artifactId).toList());
        }
    }

    private final ModuleGraph graph;

    public AffectedModules(ModuleGraph graph) {
        this.graph = graph;
    }

    public Result all() {
        return new Result(graph.modules());
    }

    public Result of(Collection<String> changedFiles) {
        Set<Module> changed = new LinkedHashSet<>();
        for (String file : changedFiles) {
            if (isSharedBuildFile(file)) {
                return all();
            }
            Module owner = graph.owning(file);
            if (owner != null) {
                changed.add(owner);
                continue;
            }
            CHECKED_BY.entrySet().stream()
                    .filter(entry -> file.startsWith(entry.getKey()))
                    .map(entry -> graph.modules().stream().filter(m -> m.path().equals(entry.getValue())).findFirst())
                    .flatMap(java.util.Optional::stream)
                    .forEach(changed::add);
        }
        return new Result(List.copyOf(graph.withDependents(changed)));
    }

    static boolean isSharedBuildFile(String file) {
        return SHARED_BUILD_FILES.stream().anyMatch(shared -> shared.endsWith("/") ? file.startsWith(shared) : file.equals(shared));
    }
}
