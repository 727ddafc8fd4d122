package dev.shop.repochecks.terraform;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One static rule over infra-terraform/: a method of a family class that takes what the rules read
 * (the tree, and where needed the module facts or the overlays) and returns findings as
 * "where: what is wrong"; none means it passes. Every such method of {@link #FAMILIES} is a rule,
 * so a rule added to a family is run on the real tree and needs a broken fixture without anyone
 * listing it again. A rule is named by its method.
 */
record TerraformRule(String name, Method method) {

    static final List<Class<?>> FAMILIES = List.of(ModuleLayoutRules.class, ReferenceRules.class, VersionPinRules.class,
            StateBackendRules.class, HardCodedSecretRules.class, GithubOidcTrustRules.class, EcrRules.class,
            DataStoreRules.class, ModuleInputRules.class, ClusterRules.class, StableKeyRules.class,
            PodIdentityTrustRules.class, SecretValueRules.class, OverlayEndpointRules.class);

    private static final Set<Class<?>> INPUTS = Set.of(TerraformTree.class, ModuleFacts.class, Path.class);

    /** Every rule of every family, family by family. */
    static List<TerraformRule> all() {
        return FAMILIES.stream()
                .flatMap(family -> Arrays.stream(family.getDeclaredMethods())
                        .filter(TerraformRule::isRule)
                        .sorted(Comparator.comparing(Method::getName))
                        .map(method -> new TerraformRule(method.getName(), method)))
                .toList();
    }

    /** The rule with this method name (also how JUnit turns a table's rule column into a rule). */
    static TerraformRule named(String name) {
        return all().stream().filter(rule -> rule.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Terraform rule " + name));
    }

    private static boolean isRule(Method method) {
        return Modifier.isStatic(method.getModifiers()) && !Modifier.isPrivate(method.getModifiers())
                && method.getReturnType() == List.class && !method.isSynthetic()
                && method.getParameterCount() > 0 && method.getParameterTypes()[0] == TerraformTree.class
                && INPUTS.containsAll(List.of(method.getParameterTypes()));
    }

    @SuppressWarnings("unchecked")
    List<String> check(Inputs inputs) {
        Map<Class<?>, Object> byType = Map.of(TerraformTree.class, inputs.tree(), ModuleFacts.class, inputs.facts(),
                Path.class, inputs.overlays());
        Object[] arguments = Arrays.stream(method.getParameterTypes()).map(byType::get).toArray();
        try {
            return (List<String>) method.invoke(null, arguments);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(name + " failed", e.getCause());
        }
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * What the rules read: the parsed tree, the upstream facts of the pinned registry modules and
     * the Kustomize overlays whose endpoint literals must match what the tree creates.
     */
    record Inputs(TerraformTree tree, ModuleFacts facts, Path overlays) {

        /** infra-terraform/ and gitops-envs/envs/ of this repository. */
        static Inputs repository() {
            return new Inputs(TerraformTree.load(RepoPaths.infraTerraform(), HclParser.forRepository()),
                    ModuleFacts.forRepository(), RepoPaths.repoRoot().resolve("gitops-envs/envs"));
        }

        /** A fixture under src/test/resources/terraform/, with its overlays/ and the repository's module facts. */
        static Inputs fixture(String name) {
            TerraformTree tree = TerraformTree.load(RepoPaths.fixture(name), HclParser.forRepository());
            return new Inputs(tree, ModuleFacts.forRepository(), tree.root().resolve("overlays"));
        }
    }
}
