variable "role" {
  type = string
}

variable "group_arn" {
  type    = string
  default = ""
}

variable "strict_group_arn" {
  type     = string
  default  = ""
  nullable = false
}

resource "aws_cloudtrail" "strict" {
  name                       = "strict"
  cloud_watch_logs_role_arn  = var.role
  cloud_watch_logs_group_arn = var.strict_group_arn  # expect: TW001 {{module.audit.module.logs.aws_cloudtrail.strict is not integrated with CloudWatch Logs: cloud_watch_logs_group_arn is empty (from the default of variable strict_group_arn)}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
}

resource "aws_cloudtrail" "inner" {
  name                       = "inner"
  cloud_watch_logs_role_arn  = var.role
  cloud_watch_logs_group_arn = var.group_arn  # expect: TW001 {{module.audit.module.logs.aws_cloudtrail.inner is not integrated with CloudWatch Logs: cloud_watch_logs_group_arn is empty (from the default of variable group_arn)}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
}

output "group_arn" {
  value = var.group_arn
}
