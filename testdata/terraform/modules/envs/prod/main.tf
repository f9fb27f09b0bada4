# The root configuration: it calls the audit module, which calls the logs module.
module "audit" {
  source         = "../../audit"
  trail_name     = "prod-audit"
  log_group_arn  = ""
  role_arn       = "arn:aws:iam::123456789012:role/trail"
}

module "missing" {
  source = "./not-there"
}

resource "aws_cloudtrail" "uses_missing_module" {
  name                       = "prod"
  cloud_watch_logs_group_arn = module.missing.log_group_arn
  cloud_watch_logs_role_arn  = module.missing.role_arn
}

resource "aws_cloudtrail" "uses_output" {
  name                       = "prod-2"
  cloud_watch_logs_group_arn = module.audit.log_group_arn  # expect: TW001 {{aws_cloudtrail.uses_output is not integrated with CloudWatch Logs: cloud_watch_logs_group_arn is empty (from the default of variable group_arn)}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = module.audit.role_arn
}
