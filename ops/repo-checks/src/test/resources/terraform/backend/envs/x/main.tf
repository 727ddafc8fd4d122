terraform {
  required_version = ">= 1.5"

  backend "s3" {
    key            = "x/terraform.tfstate"
    region         = "eu-central-1"
    dynamodb_table = "locks"
  }
}
