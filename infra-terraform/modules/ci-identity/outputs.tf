output "oidc_provider_arn" {
  description = "ARN of the account's GitHub OIDC provider."
  value       = local.oidc_provider_arn
}

output "push_role_arn" {
  description = "Role for image pushes (null when not created): GitHub variable AWS_IMAGE_PUSH_ROLE_ARN."
  value       = one(aws_iam_role.push[*].arn)
}

output "read_role_arn" {
  description = "Role for reading images, signatures and SBOMs before a write-back (null when not created): GitHub variable AWS_IMAGE_READ_ROLE_ARN."
  value       = one(aws_iam_role.read[*].arn)
}
