# One private ECR repository per service. Tags are immutable so a version names one digest
# forever; the lifecycle rules only ever delete untagged layers and develop (alpha) images,
# because release candidates and releases may be what prod runs. A release tag is added to the
# tested rc or alpha image (pipeline tag-release), so the release rule comes before the alpha rule:
# an image matching the tags of a higher-priority rule is never expired by a lower one (ECR
# lifecycle policy rules, docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html).

locals {
  lifecycle_policy = jsonencode({
    rules = [
      {
        rulePriority = 1
        description  = "Delete untagged images"
        selection = {
          tagStatus   = "untagged"
          countType   = "sinceImagePushed"
          countUnit   = "days"
          countNumber = var.untagged_expiry_days
        }
        action = { type = "expire" }
      },
      {
        rulePriority = 2
        description  = "Keep every release (vX.Y.Z), also when it is an alpha image"
        selection = {
          tagStatus      = "tagged"
          tagPatternList = ["v*"]
          countType      = "imageCountMoreThan"
          countNumber    = 10000
        }
        action = { type = "expire" }
      },
      {
        rulePriority = 3
        description  = "Keep the newest develop images"
        selection = {
          tagStatus      = "tagged"
          tagPatternList = ["*-alpha.*"]
          countType      = "imageCountMoreThan"
          countNumber    = var.dev_images_to_keep
        }
        action = { type = "expire" }
      },
    ]
  })
}

data "aws_partition" "current" {}

module "repository" {
  source  = "terraform-aws-modules/ecr/aws"
  version = "3.0.1"

  for_each = toset(var.repository_names)

  repository_name                 = each.value
  repository_type                 = "private"
  repository_image_tag_mutability = "IMMUTABLE"
  repository_image_scan_on_push   = true
  repository_encryption_type      = "AES256"
  repository_force_delete         = false

  repository_read_access_arns = [for id in var.pull_account_ids : "arn:${data.aws_partition.current.partition}:iam::${id}:root"]

  create_lifecycle_policy     = true
  repository_lifecycle_policy = local.lifecycle_policy

  tags = var.tags
}
