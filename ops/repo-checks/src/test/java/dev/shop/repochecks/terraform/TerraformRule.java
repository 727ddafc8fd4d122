package dev.shop.repochecks.terraform;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Every static rule over infra-terraform/, one constant each, so the real tree and the broken
 * fixtures are checked by the same list: a rule added here is run on both. Each rule returns
 * findings as "where: what is wrong"; no finding means it passes.
 */
enum TerraformRule {
    LAYOUT(in -> ModuleLayoutRules.moduleLayout(in.tree())),
    VARIABLES(in -> ReferenceRules.variablesDeclaredAndUsed(in.tree())),
    MODULE_CALLS(in -> ReferenceRules.moduleCallsMatchModules(in.tree())),
    TFVARS(in -> ReferenceRules.exampleVariables(in.tree())),
    FILES(in -> ReferenceRules.referencedFilesExist(in.tree())),
    VERSIONS(in -> VersionPinRules.versionsPinned(in.tree())),
    BACKEND(in -> StateBackendRules.stateBackend(in.tree())),
    SECRETS(in -> HardCodedSecretRules.noHardCodedSecrets(in.tree())),
    OIDC(in -> GithubOidcTrustRules.githubOidcTrust(in.tree())),
    ECR(in -> EcrRules.ecrImmutable(in.tree())),
    DATA(in -> DataStoreRules.prodDataStores(in.tree())),
    MODULE_INPUTS(in -> ModuleInputRules.inputsExist(in.tree(), in.facts())),
    VERSION_FLOORS(in -> ModuleInputRules.versionFloors(in.tree(), in.facts())),
    ADDONS(in -> ClusterRules.addonsPinned(in.tree())),
    API_ACCESS(in -> ClusterRules.privateApiAdmitsOperators(in.tree())),
    SSO_ARNS(in -> ClusterRules.ssoRoleArnsHavePath(in.tree())),
    INDEX_KEYS(in -> StableKeyRules.mapsNotKeyedByListIndex(in.tree())),
    POD_IDENTITY_TRUST(in -> PodIdentityTrustRules.sourceAccountInTrust(in.tree())),
    SECRET_VALUES(in -> SecretValueRules.secretVersionsHaveAValue(in.tree())),
    OVERLAY_ENDPOINTS(in -> OverlayEndpointRules.overlayEndpointsHaveTerraformShape(in.tree(), in.overlays()));

    private final Function<Inputs, List<String>> rule;

    TerraformRule(Function<Inputs, List<String>> rule) {
        this.rule = rule;
    }

    List<String> check(Inputs inputs) {
        return rule.apply(inputs);
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
