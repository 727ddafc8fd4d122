output "vpc_id" {
  description = "ID of the VPC."
  value       = module.vpc.vpc_id
}

output "vpc_cidr_block" {
  description = "CIDR block of the VPC."
  value       = module.vpc.vpc_cidr_block
}

output "private_subnet_ids" {
  description = "Private subnets, one per AZ: EKS nodes and pods."
  value       = module.vpc.private_subnets
}

output "public_subnet_ids" {
  description = "Public subnets, one per AZ: internet-facing load balancers and NAT gateways."
  value       = module.vpc.public_subnets
}

output "intra_subnet_ids" {
  description = "Intra subnets without internet route: EKS control-plane network interfaces."
  value       = module.vpc.intra_subnets
}

output "database_subnet_ids" {
  description = "Database subnets, one per AZ: RDS and ElastiCache."
  value       = module.vpc.database_subnets
}

output "database_subnet_group_name" {
  description = "Name of the RDS subnet group over the database subnets."
  value       = module.vpc.database_subnet_group_name
}

output "nat_public_ips" {
  description = "Elastic IPs of the NAT gateways: the egress addresses to allow-list elsewhere."
  value       = module.vpc.nat_public_ips
}
