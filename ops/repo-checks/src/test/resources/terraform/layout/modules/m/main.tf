variable "untyped" {
  default = "x"
}

output "undocumented" {
  value = var.untyped
}
