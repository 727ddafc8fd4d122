variable "region" {
  description = "Region."
  type        = string
  default     = "eu-central-1"
}

module "data_dev" {
  source = "../../modules/data"

  name        = "shop-dev"
  environment = "dev"
}
