module "child" {
  source = "../child"

  unknown_argument = "x"
}

output "value" {
  description = "Reads an output the child does not have."
  value       = module.child.nope
}

locals {
  manifest = "${path.module}/../bootstrap/missing.yaml"
}
