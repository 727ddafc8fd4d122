locals {
  app_secret_names = ["catalog-db", "orders-db", "catalog-admin", "storefront-redis"]
  stores           = toset(concat(var.environments, ["platform"]))
  store_role_names = { for store in local.stores : store => "${var.cluster_name}-secrets-${store}" }
}
