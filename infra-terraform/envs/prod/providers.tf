provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Project   = "shop"
      Stage     = "prod"
      ManagedBy = "terraform"
      Source    = "infra-terraform/envs/prod"
    }
  }
}

# The Kubernetes API is private: run apply from inside the VPC or from a CIDR listed in
# public_access_cidrs. Tokens come from the AWS CLI so none is written to state.
provider "kubernetes" {
  host                   = module.cluster.cluster_endpoint
  cluster_ca_certificate = base64decode(module.cluster.cluster_certificate_authority_data)

  exec {
    api_version = "client.authentication.k8s.io/v1beta1"
    command     = "aws"
    args        = ["eks", "get-token", "--cluster-name", module.cluster.cluster_name, "--region", var.region]
  }
}

provider "helm" {
  kubernetes = {
    host                   = module.cluster.cluster_endpoint
    cluster_ca_certificate = base64decode(module.cluster.cluster_certificate_authority_data)

    exec = {
      api_version = "client.authentication.k8s.io/v1beta1"
      command     = "aws"
      args        = ["eks", "get-token", "--cluster-name", module.cluster.cluster_name, "--region", var.region]
    }
  }
}
