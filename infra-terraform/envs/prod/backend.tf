# State bucket names are global and per account, so the bucket is given at init:
#   terraform init -backend-config="bucket=<state bucket>"
# Locking uses S3's conditional writes (a .tflock object next to the state), no DynamoDB table.
terraform {
  backend "s3" {
    key          = "shop/prod/terraform.tfstate"
    region       = "eu-central-1"
    encrypt      = true
    use_lockfile = true
  }
}
