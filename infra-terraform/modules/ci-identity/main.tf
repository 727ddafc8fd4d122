# GitHub Actions reach AWS only through OIDC. The trust policies are written here as policy
# documents, not hidden behind module inputs, because they are the security boundary and the
# repo-checks tests read them: only develop, release/*, hotfix/* and main may assume a role;
# pull_request runs (sub = repo:<repo>:pull_request) match none of the subjects below.

data "aws_partition" "current" {}
data "aws_caller_identity" "current" {}
data "aws_region" "current" {}

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

  status_cluster_arns = [
    for name in var.status_cluster_names :
    "arn:${data.aws_partition.current.partition}:eks:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:cluster/${name}"
  ]
}

data "aws_iam_policy_document" "push_trust" {
  statement {
    sid     = "GitHubActionsDeliveryBranches"
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
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values = [
        "repo:${var.github_repository}:ref:refs/heads/develop",
        "repo:${var.github_repository}:ref:refs/heads/release/*",
        "repo:${var.github_repository}:ref:refs/heads/hotfix/*",
        "repo:${var.github_repository}:ref:refs/heads/main",
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
  description          = "GitHub Actions on delivery branches push service images to ECR"
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

data "aws_iam_policy_document" "status_trust" {
  statement {
    sid     = "GitHubActionsDeliveryBranches"
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
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values = [
        "repo:${var.github_repository}:ref:refs/heads/develop",
        "repo:${var.github_repository}:ref:refs/heads/release/*",
        "repo:${var.github_repository}:ref:refs/heads/hotfix/*",
        "repo:${var.github_repository}:ref:refs/heads/main",
      ]
    }
  }
}

# AWS side of the status role: find the cluster endpoint, nothing else. What it may read
# inside Kubernetes is decided by the RBAC the bootstrap module binds to its group.
data "aws_iam_policy_document" "status" {
  count = var.create_status_role ? 1 : 0

  statement {
    sid       = "DescribeClusters"
    actions   = ["eks:DescribeCluster"]
    resources = local.status_cluster_arns
  }
}

resource "aws_iam_role" "status" {
  count = var.create_status_role ? 1 : 0

  name                 = "${var.name_prefix}-github-status-read"
  description          = "GitHub Actions read cluster and Argo CD status"
  assume_role_policy   = data.aws_iam_policy_document.status_trust.json
  max_session_duration = var.max_session_seconds

  tags = var.tags
}

resource "aws_iam_role_policy" "status" {
  count = var.create_status_role ? 1 : 0

  name   = "describe-clusters"
  role   = aws_iam_role.status[0].id
  policy = data.aws_iam_policy_document.status[0].json
}
