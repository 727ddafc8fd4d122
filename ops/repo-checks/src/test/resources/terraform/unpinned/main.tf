terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0"
    }
  }
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 6.0"
}

module "from_git" {
  source = "git::https://example.com/modules.git//vpc?ref=main"
}

resource "helm_release" "argocd" {
  name  = "argocd"
  chart = "argo-cd"
}
