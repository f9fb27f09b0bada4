# A module whose trail takes its log group and role from its caller.
variable "log_group_arn" {
  type    = string
  default = ""
}

variable "role_arn" {
  type    = string
  default = ""
}

resource "aws_cloudtrail" "this" {
  name                       = "audit"
  s3_bucket_name             = "audit-logs"
  cloud_watch_logs_group_arn = var.log_group_arn
  cloud_watch_logs_role_arn  = var.role_arn
}
