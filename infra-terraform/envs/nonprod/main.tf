# nonprod: one VPC and one EKS cluster shared by the dev and staging namespaces, the ECR
# repositories every environment pulls from, and the CI identity that pushes to them.

data "aws_availability_zones" "available" {
  state = "available"
}

locals {
  name         = "shop-nonprod"
  environments = ["dev", "staging"]
  services     = ["storefront", "catalog", "orders"]
}

module "network" {
  source = "../../modules/network"

  name               = local.name
  cidr               = var.vpc_cidr
  azs                = slice(data.aws_availability_zones.available.names, 0, 3)
  single_nat_gateway = true
}

module "registry" {
  source = "../../modules/registry"

  repository_names = [for service in local.services : "shop/${service}"]
  pull_account_ids = var.prod_account_id == "" ? [] : [var.prod_account_id]
}

module "ci_identity" {
  source = "../../modules/ci-identity"

  name_prefix          = local.name
  github_repository    = var.github_repository
  create_push_role     = true
  push_repository_arns = values(module.registry.repository_arns)
}

module "cluster" {
  source = "../../modules/cluster"

  name                     = local.name
  kubernetes_version       = var.kubernetes_version
  vpc_id                   = module.network.vpc_id
  private_subnet_ids       = module.network.private_subnet_ids
  control_plane_subnet_ids = module.network.intra_subnet_ids
  public_access_cidrs      = var.public_access_cidrs
  admin_role_arns          = var.admin_role_arns
  addon_versions           = var.eks_addon_versions
  dns_zone_id              = var.dns_zone_id

  api_private_access_cidrs              = var.api_private_access_cidrs
  api_private_access_security_group_ids = var.api_private_access_security_group_ids

  # the workflows read deployment state from GitHub (Argo CD commit statuses), not from the cluster
  enable_ci_status_access = false

  node_instance_types = ["m6i.large"]
  node_min_size       = 3
  node_max_size       = 6
  node_desired_size   = 3
  log_retention_days  = 30
}

module "secrets" {
  source = "../../modules/secrets"

  environments = local.environments
  cluster_name = module.cluster.cluster_name
}

module "data_dev" {
  source = "../../modules/data"

  name                        = "shop-dev"
  environment                 = "dev"
  vpc_id                      = module.network.vpc_id
  database_subnet_ids         = module.network.database_subnet_ids
  database_subnet_group_name  = module.network.database_subnet_group_name
  client_security_group_id    = module.cluster.node_security_group_id
  cache_auth_token_secret_arn = module.secrets.secret_arns["dev/storefront-redis"]

  postgres_instance_class = "db.t4g.medium"
  multi_az                = false
  deletion_protection     = false
  skip_final_snapshot     = true
  backup_retention_days   = 1
  cache_node_type         = "cache.t4g.small"
}

module "data_staging" {
  source = "../../modules/data"

  name                        = "shop-staging"
  environment                 = "staging"
  vpc_id                      = module.network.vpc_id
  database_subnet_ids         = module.network.database_subnet_ids
  database_subnet_group_name  = module.network.database_subnet_group_name
  client_security_group_id    = module.cluster.node_security_group_id
  cache_auth_token_secret_arn = module.secrets.secret_arns["staging/storefront-redis"]

  postgres_instance_class = "db.t4g.medium"
  multi_az                = false
  deletion_protection     = true
  skip_final_snapshot     = false
  backup_retention_days   = 3
  cache_node_type         = "cache.t4g.small"
}

module "bootstrap" {
  source = "../../modules/bootstrap"

  root_application_file = "${path.module}/../../../ops/argocd/bootstrap/nonprod.yaml"

  depends_on = [module.cluster, module.secrets]
}
