terraform {
  required_version = ">= 1.10"

  backend "s3" {
    key          = "x/terraform.tfstate"
    region       = "eu-central-1"
    encrypt      = true
    use_lockfile = true
  }
}

variable "required_input" {
  type        = string
  description = "No default: the example must show it."
}

output "echo" {
  description = "Uses the variable."
  value       = var.required_input
}
