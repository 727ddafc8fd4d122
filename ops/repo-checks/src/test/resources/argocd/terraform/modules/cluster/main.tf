module "cert_manager_pod_identity" {
  source  = "terraform-aws-modules/eks-pod-identity/aws"
  version = "2.6.0"

  name                       = "${var.name}-cert-manager"
  attach_cert_manager_policy = true

  associations = {
    cert_manager = { cluster_name = var.name, namespace = "cert-manager", service_account = "cert-manager" }
  }
}

module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "21.10.1"

  addons = {
    vpc-cni = {
      configuration_values = jsonencode({ enableNetworkPolicy = "true" })
    }
    aws-ebs-csi-driver = {}
  }
}
