package dev.shop.repochecks.terraform;

import java.util.ArrayList;
import java.util.List;

/** ECR repositories have immutable tags and scan on push. */
final class EcrRules {

    static final String ECR_MODULE = "terraform-aws-modules/ecr/aws";

    private EcrRules() {
    }

    static List<String> ecrImmutable(TerraformTree tree) {
        List<String> findings = new ArrayList<>();
        tree.moduleCalls().stream().filter(call -> call.source().startsWith(ECR_MODULE)).forEach(call -> {
            String where = call.folder().name() + ": ECR module " + call.name();
            if (!"IMMUTABLE".equals(call.body().path("repository_image_tag_mutability").asText())) {
                findings.add(where + " must set repository_image_tag_mutability = \"IMMUTABLE\"");
            }
            if (!call.body().path("repository_image_scan_on_push").asBoolean(false)) {
                findings.add(where + " must set repository_image_scan_on_push = true");
            }
        });
        tree.blocks("resource", "aws_ecr_repository").forEach(repository -> {
            if (!"IMMUTABLE".equals(repository.body().path("image_tag_mutability").asText())) {
                findings.add(repository.where() + " must set image_tag_mutability = \"IMMUTABLE\"");
            }
        });
        return findings;
    }
}
