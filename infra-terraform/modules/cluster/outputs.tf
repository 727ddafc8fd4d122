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

output "cert_manager_role_arn" {
  description = "IAM role cert-manager (namespace cert-manager, service account cert-manager) gets through Pod Identity for Route53 DNS-01."
  value       = module.cert_manager_pod_identity.iam_role_arn
}

output "cluster_security_group_id" {
  description = "Security group of the control plane's network interfaces; api_private_access_* open 443 in it."
  value       = module.eks.cluster_security_group_id
}
