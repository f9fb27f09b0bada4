# A local module of this repository: its callers' arguments decide whether its trails deliver to
# CloudWatch Logs, so a scan of a caller reports what goes wrong here.
variable "name" {
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
  name                       = var.name
  s3_bucket_name             = "audit-logs"
  cloud_watch_logs_group_arn = var.log_group_arn  # expect: TW001 {{module.audit.aws_cloudtrail.this is not integrated with CloudWatch Logs: cloud_watch_logs_group_arn is empty (from testdata/terraform/monorepo/live/prod/terraform.tfvars)}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = var.role_arn  # expect: TW001 {{module.backup.aws_cloudtrail.this is not integrated with CloudWatch Logs: cloud_watch_logs_role_arn is empty (from argument role_arn of module.backup)}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
}

# Called locally in turn: what its callers pass on reaches it too.
module "org" {
  source   = "./org"
  name     = "${var.name}-org"
  role_arn = var.role_arn
}
