# Secrets Manager entries shop/<env>/<secret> (docs/architecture.md) and shop/platform/<secret>
# (ops/argocd), and the one role the cluster's External Secrets controller gets to read exactly
# those entries. Every value is a JSON object, because the ExternalSecrets extract its keys.
#
# Values: storefront-redis ({"password": ...}) is generated here; the data module hands it to
# ElastiCache as the auth token. The others are created empty and filled by ops with
# put-secret-value (docs/infra.md), so no app user's password ever sits in Terraform state.

locals {
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

  secret_string = each.value.secret == "storefront-redis" ? jsonencode({
    password = random_password.cache_auth_token[each.value.environment].result
  }) : null
  # Values put by ops later must not be reverted by the next apply.
  ignore_secret_changes = true

  tags = merge(var.tags, { Environment = each.value.environment })
}

module "external_secrets_pod_identity" {
  source  = "terraform-aws-modules/eks-pod-identity/aws"
  version = "2.6.0"

  name = "${var.cluster_name}-external-secrets"

  # A policy of our own rather than the module's External Secrets preset: the preset also
  # grants ListSecrets and SSM reads account-wide, which this controller does not need.
  attach_custom_policy = true
  policy_statements = [
    {
      sid       = "ReadShopSecrets"
      actions   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
      resources = [for secret in module.secret : secret.secret_arn]
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
