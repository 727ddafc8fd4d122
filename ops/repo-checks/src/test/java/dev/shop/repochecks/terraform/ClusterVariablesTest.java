package dev.shop.repochecks.terraform;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The cluster module's input validations, run by a real terraform: its variables.tf alone is a
 * configuration that needs no provider, so init and plan work offline and evaluate every
 * validation block. Skipped (and reported) when terraform is not on PATH.
 */
class ClusterVariablesTest {

    private static final String VALID = """
            name                     = "shop-prod"
            kubernetes_version       = "1.34"
            vpc_id                   = "vpc-0abc123"
            private_subnet_ids       = ["subnet-a", "subnet-b"]
            control_plane_subnet_ids = ["subnet-c", "subnet-d"]
            node_instance_types      = ["m6i.large"]
            node_min_size            = 3
            node_max_size            = 6
            node_desired_size        = 3
            dns_zone_id              = "Z0123456789ABCDEFGHIJ"
            api_private_access_cidrs = ["10.99.0.0/22"]
            admin_role_arns = [
              "arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/eu-central-1/AWSReservedSSO_AdministratorAccess_0123456789abcdef",
              "arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_ReadOnly_0123456789abcdef",
              "arn:aws:iam::111111111111:role/terraform",
            ]
            addon_versions = {
              "vpc-cni"                = "v1.20.4-eksbuild.1"
              "eks-pod-identity-agent" = "v1.3.9-eksbuild.3"
              "coredns"                = "v1.12.4-eksbuild.1"
              "kube-proxy"             = "v1.34.0-eksbuild.2"
              "aws-ebs-csi-driver"     = "v1.51.1-eksbuild.1"
            }
            """;

    @TempDir
    static Path config;

    @BeforeAll
    static void initialiseTheVariablesAlone() throws IOException {
        assumeTrue(TerraformCli.available(), "terraform is not on PATH: validation test skipped");
        Files.copy(RepoPaths.infraTerraform().resolve("modules/cluster/variables.tf"), config.resolve("variables.tf"));
        TerraformCli.Result init = TerraformCli.run(config, "init", "-input=false", "-backend=false");
        assertThat(init.exit()).as(init.output()).isZero();
    }

    @Test
    void acceptsFullIdentityCenterArnsAndAnAdmittedNetwork() throws IOException {
        TerraformCli.Result plan = plan(VALID);

        assertThat(plan.exit()).as(plan.output()).isZero();
    }

    /** Each row breaks the valid inputs one way; the plan must fail on the variable named. */
    @ParameterizedTest(name = "rejects {3}")
    @CsvSource(delimiter = '|', textBlock = """
            role/aws-reserved/sso.amazonaws.com/eu-central-1/AWSReservedSSO_ | role/AWSReservedSSO_           | admin_role_arns                        | an Identity Center role without its path
            api_private_access_cidrs = ["10.99.0.0/22"]                     | api_private_access_cidrs = []  | api_private_access_security_group_ids  | a private API only the nodes reach
            v1.12.4-eksbuild.1                                               | latest                         | addon_versions                         | an add-on without an exact version
            "Z0123456789ABCDEFGHIJ"                                          | "/hostedzone/Z0123456789ABCDEFGHIJ" | dns_zone_id                       | a hosted zone given as a path
            """)
    void rejectsABrokenInput(String valid, String broken, String variable, String what) throws IOException {
        assertThat(VALID).contains(valid);

        TerraformCli.Result plan = plan(VALID.replace(valid, broken));

        assertThat(plan.exit()).as(what).isNotZero();
        assertThat(plan.output()).contains(variable);
    }

    private static TerraformCli.Result plan(String tfvars) throws IOException {
        Path file = Files.createTempFile(config, "case", ".tfvars");
        Files.writeString(file, tfvars, StandardCharsets.UTF_8);
        return TerraformCli.run(config, "plan", "-input=false", "-lock=false", "-refresh=false", "-no-color", "-var-file=" + file);
    }
}
