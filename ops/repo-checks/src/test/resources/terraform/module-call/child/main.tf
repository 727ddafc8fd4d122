variable "required_input" {
  type        = string
  description = "No default, so every call must pass it."
}

output "real" {
  description = "The only output."
  value       = var.required_input
}
