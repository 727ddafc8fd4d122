locals {
  name = "shop-prod"
}

module "secrets" {
  source       = "../../modules/secrets"
  environments = ["prod"]
}
