variable "trail_name" {
  type = string
}

variable "log_group_arn" {
  type    = string
  default = null
}

variable "role_arn" {
  type = string
}

resource "aws_cloudtrail" "this" {
  name                       = var.trail_name
  cloud_watch_logs_group_arn = var.log_group_arn  # expect: TW001 {{module.audit.aws_cloudtrail.this is not integrated with CloudWatch Logs: cloud_watch_logs_group_arn is empty (from argument log_group_arn of module.audit)}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = var.role_arn
}

module "logs" {
  source  = "./logs"
  role    = var.role_arn
  # null given to a variable declared nullable = false: the module sees its default.
  strict_group_arn = null
}

output "log_group_arn" {
  value = module.logs.group_arn
}

output "role_arn" {
  value = var.role_arn
}
