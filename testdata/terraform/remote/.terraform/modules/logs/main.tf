variable "role_arn" {
  default = ""
}

output "log_group_arn" {
  value = "arn:aws:logs:eu-west-1:123456789012:log-group:remote:*"
}

output "role_arn" {
  value = var.role_arn
}
