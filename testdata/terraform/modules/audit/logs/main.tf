variable "role" {
  type = string
}

variable "group_arn" {
  type    = string
  default = ""
}

resource "aws_cloudtrail" "inner" {
  name                       = "inner"
  cloud_watch_logs_role_arn  = var.role
  cloud_watch_logs_group_arn = var.group_arn  # expect: TW001 {{module.audit.module.logs.aws_cloudtrail.inner is not integrated with CloudWatch Logs: cloud_watch_logs_group_arn is empty (from the default of variable group_arn)}}
# ^
}

output "group_arn" {
  value = var.group_arn
}
