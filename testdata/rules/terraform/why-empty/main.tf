# Why a value is empty: a condition decided by terraform.tfvars, and by a module argument. Each
# finding names the condition and where its value was set.
variable "cloudwatch_enabled" {
  type    = bool
  default = true
}

resource "aws_cloudtrail" "switched_off_by_tfvars" {
  name                       = "a"
  s3_bucket_name             = "logs"
  cloud_watch_logs_group_arn = var.cloudwatch_enabled ? "arn:aws:logs:us-east-1:123456789012:log-group:audit:*" : null  # expect: TW001 {{aws_cloudtrail.switched_off_by_tfvars is not integrated with CloudWatch Logs: cloud_watch_logs_group_arn is null (from condition var.cloudwatch_enabled, false because of testdata/rules/terraform/why-empty/terraform.tfvars); cloud_watch_logs_role_arn is empty (from condition var.cloudwatch_enabled, false because of testdata/rules/terraform/why-empty/terraform.tfvars)}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = var.cloudwatch_enabled ? "arn:aws:iam::123456789012:role/trail" : ""
}

module "trail" {
  source      = "./trail-module"
  send_to_cwl = false
}
