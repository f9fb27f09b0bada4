# A registry module that `terraform init` installed: found through .terraform/modules/modules.json.
module "logs" {
  source  = "example/cloudtrail-logs/aws"
  version = "1.0.0"
}

# A registry module that was never installed: its outputs are unknown, not a finding.
module "not_installed" {
  source  = "example/other/aws"
  version = "2.0.0"
}

resource "aws_cloudtrail" "from_remote_module" {
  name                       = "remote"
  cloud_watch_logs_group_arn = module.logs.log_group_arn
  cloud_watch_logs_role_arn  = module.logs.role_arn  # expect: TW001 {{aws_cloudtrail.from_remote_module is not integrated with CloudWatch Logs: cloud_watch_logs_role_arn is empty (from the default of variable role_arn)}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
}

resource "aws_cloudtrail" "from_missing_module" {
  name                       = "unknown"
  cloud_watch_logs_group_arn = module.not_installed.log_group_arn
  cloud_watch_logs_role_arn  = module.not_installed.role_arn
}
