# prod: its own account, VPC with a NAT gateway per AZ, cluster, data stores and secrets.
# Images are pulled from the nonprod account's ECR (the digests staging tested); prod has no
# CI role at all (the workflows read deployment state from GitHub, ADR 0705).

data "aws_availability_zones" "available" {
  state = "available"
}

locals {
  name = "shop-prod"
}

module "network" {
  source = "../../modules/network"

  name                    = local.name
  cidr                    = var.vpc_cidr
  azs                     = slice(data.aws_availability_zones.available.names, 0, 3)
  single_nat_gateway      = false
  flow_log_retention_days = 90
}

module "ci_identity" {
  source = "../../modules/ci-identity"

  name_prefix       = local.name
  github_repository = var.github_repository
  create_push_role  = false
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

  node_instance_types = ["m6i.xlarge"]
  node_min_size       = 3
  node_max_size       = 9
  node_desired_size   = 3
  log_retention_days  = 90
}

module "secrets" {
  source = "../../modules/secrets"

  environments = ["prod"]
  cluster_name = module.cluster.cluster_name
}

module "data" {
  source = "../../modules/data"

  name                        = "shop-prod"
  environment                 = "prod"
  vpc_id                      = module.network.vpc_id
  database_subnet_ids         = module.network.database_subnet_ids
  database_subnet_group_name  = module.network.database_subnet_group_name
  client_security_group_id    = module.cluster.node_security_group_id
  cache_auth_token_secret_arn = module.secrets.secret_arns["prod/storefront-redis"]

  postgres_instance_class       = "db.m7g.large"
  postgres_allocated_storage_gb = 50
  multi_az                      = true
  deletion_protection           = true
  skip_final_snapshot           = false
  backup_retention_days         = 14
  cache_node_type               = "cache.m7g.large"
  cache_replicas                = 2
}

module "bootstrap" {
  source = "../../modules/bootstrap"

  root_application_file = "${path.module}/../../../ops/argocd/bootstrap/prod.yaml"

  depends_on = [module.cluster, module.secrets]
}
