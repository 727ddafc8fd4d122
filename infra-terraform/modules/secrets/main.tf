# Secrets Manager entries shop/<env>/<secret> (docs/architecture.md) and shop/platform/<secret>
# (ops/argocd), and the roles the cluster's External Secrets controller reads them with: a base
# role (Pod Identity) that may only assume one role per store, and per store (each environment
# of this cluster, and platform) a role that may read only shop/<store>/* (ADR 0406). Every value
# is a JSON object, because the ExternalSecrets extract its keys.
#
# Values: storefront-redis ({"password": ...}) is generated here; the data module hands it to
# ElastiCache as the auth token. The others start as an empty object and are filled by ops with
# put-secret-value (docs/infra.md), so no app user's password ever sits in Terraform state.

data "aws_partition" "current" {}
data "aws_caller_identity" "current" {}
data "aws_region" "current" {}

locals {
  partition  = data.aws_partition.current.partition
  account_id = data.aws_caller_identity.current.account_id
  region     = data.aws_region.current.region

  app_secret_names = ["catalog-db", "orders-db", "catalog-admin", "storefront-redis"]

  app_secrets = {
    for pair in setproduct(var.environments, local.app_secret_names) :
    "${pair[0]}/${pair[1]}" => { environment = pair[0], secret = pair[1] }
  }
  platform_secrets = {
    for name in var.platform_secret_names :
    "platform/${name}" => { environment = "platform", secret = name }
  }
  secrets = merge(local.app_secrets, local.platform_secrets)

  cache_environments = toset(var.environments)

  # One ClusterSecretStore per store in ops/argocd, each assuming its own role.
  stores           = toset(concat(var.environments, ["platform"]))
  store_role_names = { for store in local.stores : store => "${var.cluster_name}-secrets-${store}" }
}

# ElastiCache auth tokens allow 16-128 printable characters but not @, " or /.
resource "random_password" "cache_auth_token" {
  for_each = local.cache_environments

  length           = 64
  override_special = "!&#$^<>-"
}

module "secret" {
  source  = "terraform-aws-modules/secrets-manager/aws"
  version = "2.0.0"

  for_each = local.secrets

  name                    = "shop/${each.key}"
  description             = "${each.value.secret} (${each.value.environment}), read by External Secrets"
  recovery_window_in_days = var.recovery_window_days

  # The module always writes a first version, and PutSecretValue needs a value: ops' entries
  # start as {} (External Secrets then finds none of its keys until ops put the real value).
  secret_string = each.value.secret == "storefront-redis" ? jsonencode({
    password = random_password.cache_auth_token[each.value.environment].result
  }) : jsonencode({})
  # Values put by ops later must not be reverted by the next apply.
  ignore_secret_changes = true

  tags = merge(var.tags, { Environment = each.value.environment })
}

module "external_secrets_pod_identity" {
  source  = "terraform-aws-modules/eks-pod-identity/aws"
  version = "2.6.0"

  name = "${var.cluster_name}-external-secrets"

  trust_policy_conditions = [
    { test = "StringEquals", variable = "aws:SourceAccount", values = [local.account_id] },
    { test = "StringEquals", variable = "aws:RequestTag/eks-cluster-arn", values = ["arn:${local.partition}:eks:${local.region}:${local.account_id}:cluster/${var.cluster_name}"] },
    { test = "StringEquals", variable = "aws:RequestTag/kubernetes-namespace", values = [var.external_secrets_namespace] },
    { test = "StringEquals", variable = "aws:RequestTag/kubernetes-service-account", values = [var.external_secrets_service_account] },
  ]

  # The base role reads nothing itself: it may only become one of the store roles. Their ARNs
  # are built from the names, since their trust policies refer back to this role.
  attach_custom_policy = true
  policy_statements = [
    {
      sid       = "AssumeStoreRoles"
      actions   = ["sts:AssumeRole", "sts:TagSession"]
      resources = [for name in values(local.store_role_names) : "arn:${local.partition}:iam::${local.account_id}:role/${name}"]
    }
  ]

  associations = {
    external_secrets = {
      cluster_name    = var.cluster_name
      namespace       = var.external_secrets_namespace
      service_account = var.external_secrets_service_account
    }
  }

  tags = var.tags
}

data "aws_iam_policy_document" "store_trust" {
  statement {
    sid     = "ExternalSecretsBaseRoleOnly"
    actions = ["sts:AssumeRole", "sts:TagSession"]

    principals {
      type        = "AWS"
      identifiers = [module.external_secrets_pod_identity.iam_role_arn]
    }
  }
}

data "aws_iam_policy_document" "store_read" {
  for_each = local.stores

  statement {
    sid       = "ReadStoreSecrets"
    actions   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
    resources = ["arn:${local.partition}:secretsmanager:${local.region}:${local.account_id}:secret:shop/${each.key}/*"]
  }
}

resource "aws_iam_role" "store" {
  for_each = local.stores

  name               = local.store_role_names[each.key]
  description        = "External Secrets store ${each.key}: reads shop/${each.key}/* only"
  assume_role_policy = data.aws_iam_policy_document.store_trust.json

  tags = merge(var.tags, { Store = each.key })
}

resource "aws_iam_role_policy" "store_read" {
  for_each = local.stores

  name   = "read-shop-${each.key}"
  role   = aws_iam_role.store[each.key].id
  policy = data.aws_iam_policy_document.store_read[each.key].json
}
