# GitHub Actions reach AWS only through OIDC. The trust policy is written here as a policy
# document, not hidden behind module inputs, because it is the security boundary and the
# repo-checks tests read it. The role trusts GitHub environments, not branches: a job gets the
# subject repo:<repo>:environment:<name> only after the environment admitted its branch
# (.github/settings/environments), so the branch rules, the environment and the role agree.
# pull_request runs (sub = repo:<repo>:pull_request) match none of the subjects below.

module "github_oidc_provider" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-oidc-provider"
  version = "6.0.0"

  count = var.create_oidc_provider ? 1 : 0

  url  = "https://token.actions.githubusercontent.com"
  tags = var.tags
}

data "aws_iam_openid_connect_provider" "github" {
  count = var.create_oidc_provider ? 0 : 1

  url = "https://token.actions.githubusercontent.com"
}

locals {
  oidc_provider_arn = var.create_oidc_provider ? module.github_oidc_provider[0].arn : data.aws_iam_openid_connect_provider.github[0].arn
}

data "aws_iam_policy_document" "push_trust" {
  statement {
    sid     = "GitHubActionsDeliveryEnvironments"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [local.oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      # dev: develop; staging: release/*, hotfix/*; production: main (tags only, no push of new images)
      values = [
        "repo:${var.github_repository}:environment:dev",
        "repo:${var.github_repository}:environment:staging",
        "repo:${var.github_repository}:environment:production",
      ]
    }
  }
}

# The read role's trust: the delivery environments and promotion, the environment of the manual
# promotion pull request (promote.yml), whose gitops promote verifies signatures and reads SBOMs.
data "aws_iam_policy_document" "read_trust" {
  statement {
    sid     = "GitHubActionsDeliveryAndPromotionEnvironments"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [local.oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values = [
        "repo:${var.github_repository}:environment:dev",
        "repo:${var.github_repository}:environment:staging",
        "repo:${var.github_repository}:environment:production",
        "repo:${var.github_repository}:environment:promotion",
      ]
    }
  }
}

data "aws_iam_policy_document" "push" {
  count = var.create_push_role ? 1 : 0

  statement {
    sid       = "RegistryLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "PushAndTagServiceImages"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:DescribeImages",
      "ecr:GetDownloadUrlForLayer",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = var.push_repository_arns
  }
}

resource "aws_iam_role" "push" {
  count = var.create_push_role ? 1 : 0

  name                 = "${var.name_prefix}-github-image-push"
  description          = "GitHub Actions in the dev, staging and production environments push and tag service images in ECR"
  assume_role_policy   = data.aws_iam_policy_document.push_trust.json
  max_session_duration = var.max_session_seconds

  tags = var.tags
}

resource "aws_iam_role_policy" "push" {
  count = var.create_push_role ? 1 : 0

  name   = "push-service-images"
  role   = aws_iam_role.push[0].id
  policy = data.aws_iam_policy_document.push[0].json
}

# The write-back and promotion jobs only read: before gitops writes a digest into an overlay it
# verifies the image's keyless signature and reads the SBOMs (docs/supply-chain.md). Manifests and
# the referrers API need ecr:BatchGetImage, the signature payloads and SBOM blobs
# ecr:GetDownloadUrlForLayer. The push role's environments plus promotion (the environment is the
# boundary), a separate role so the jobs that hold the GitOps App token cannot push images.
data "aws_iam_policy_document" "read" {
  count = var.create_push_role ? 1 : 0

  statement {
    sid       = "RegistryLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "ReadServiceImages"
    actions = [
      "ecr:BatchGetImage",
      "ecr:GetDownloadUrlForLayer",
    ]
    resources = var.push_repository_arns
  }
}

resource "aws_iam_role" "read" {
  count = var.create_push_role ? 1 : 0

  name                 = "${var.name_prefix}-github-image-read"
  description          = "GitHub Actions in the dev, staging, production and promotion environments read service images, signatures and SBOMs in ECR"
  assume_role_policy   = data.aws_iam_policy_document.read_trust.json
  max_session_duration = var.max_session_seconds

  tags = var.tags
}

resource "aws_iam_role_policy" "read" {
  count = var.create_push_role ? 1 : 0

  name   = "read-service-images"
  role   = aws_iam_role.read[0].id
  policy = data.aws_iam_policy_document.read[0].json
}
