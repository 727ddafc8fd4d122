variable "db_password" {
  type        = string
  description = "A secret with a default checked into git."
  default     = "changeme-please"
}

resource "aws_db_instance" "x" {
  password = "hunter2hunter2"
}

provider "aws" {
  # AWS's documented example key: the pattern must catch it.
  access_key = "AKIAIOSFODNN7EXAMPLE"
}

output "password" {
  description = "Uses the variable so only the secret rules fire."
  value       = var.db_password
  sensitive   = true
}
