output "cluster_name" {
  description = "Name of the EKS cluster (for aws eks update-kubeconfig and the CI status role)."
  value       = module.eks.cluster_name
}

output "cluster_arn" {
  description = "ARN of the EKS cluster."
  value       = module.eks.cluster_arn
}

output "cluster_endpoint" {
  description = "HTTPS endpoint of the Kubernetes API (providers of the bootstrap step)."
  value       = module.eks.cluster_endpoint
}

output "cluster_certificate_authority_data" {
  description = "Base64 CA certificate of the Kubernetes API."
  value       = module.eks.cluster_certificate_authority_data
}

output "node_security_group_id" {
  description = "Security group of the nodes; pods use it too, so data stores allow it as their only client."
  value       = module.eks.node_security_group_id
}

output "ebs_csi_role_arn" {
  description = "IAM role the EBS CSI driver assumes through Pod Identity."
  value       = module.ebs_csi_pod_identity.iam_role_arn
}
