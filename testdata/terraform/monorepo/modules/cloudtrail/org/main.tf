variable "name" {
  type = string
}

variable "role_arn" {
  type = string
}

resource "aws_cloudtrail" "org" {
  name                       = var.name
  s3_bucket_name             = "audit-logs"
  is_organization_trail      = true
  cloud_watch_logs_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:org-audit:*"
  cloud_watch_logs_role_arn  = var.role_arn  # expect: TW001 {{module.backup.module.org.aws_cloudtrail.org is not integrated with CloudWatch Logs: cloud_watch_logs_role_arn is empty (from argument role_arn of module.backup)}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
}
