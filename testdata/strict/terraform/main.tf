# --strict in Terraform: a role from a data source, an ARN built partly from data sources and
# variables without a value. Only what the known parts leave open is a note.
variable "log_group_name" {}
variable "account_id" {
  type = string
}

data "aws_iam_role" "delivery" {
  name = "trail-delivery"
}

data "aws_region" "current" {}
data "aws_caller_identity" "current" {}
data "aws_cloudwatch_log_group" "shared" {
  name = "shared"
}

resource "aws_cloudtrail" "role_from_data_source" {
  name                       = "a"
  s3_bucket_name             = "logs"
  cloud_watch_logs_group_arn = "arn:aws:logs:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:log-group:audit:*"
  cloud_watch_logs_role_arn  = data.aws_iam_role.delivery.arn  # expect: TW000 {{aws_cloudtrail.role_from_data_source's cloud_watch_logs_role_arn is not known statically: data.aws_iam_role.delivery.arn is read from the provider when Terraform runs}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
}

resource "aws_cloudtrail" "group_name_not_known" {
  name                       = "b"
  s3_bucket_name             = "logs"
  cloud_watch_logs_group_arn = format("arn:aws:logs:%s:%s:log-group:%s", data.aws_region.current.name, data.aws_caller_identity.current.account_id, var.log_group_name)  # expect: TW000 {{aws_cloudtrail.group_name_not_known's cloud_watch_logs_group_arn is not known statically: variable log_group_name has no default and no value (in "arn:aws:logs:REGION:ACCOUNT:log-group:…")}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = "arn:aws:iam::${var.account_id}:role/trail"  # expect: TW000 {{aws_cloudtrail.group_name_not_known's cloud_watch_logs_role_arn is not known statically: variable account_id has no default and no value (in "arn:aws:iam::…:role/trail")}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
}

resource "aws_cloudtrail" "group_from_data_source" {
  name                       = "c"
  s3_bucket_name             = "logs"
  cloud_watch_logs_group_arn = "${data.aws_cloudwatch_log_group.shared.arn}:*"  # expect: TW000 {{aws_cloudtrail.group_from_data_source's cloud_watch_logs_group_arn is not known statically: data.aws_cloudwatch_log_group.shared.arn is read from the provider when Terraform runs (in "…:*")}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/trail"
}

# A log group named by a variable without a value: its ARN with :* is still one CloudTrail
# accepts, since AWS takes only names without ":" or "*". No note.
resource "aws_cloudwatch_log_group" "named_by_variable" {
  name = var.log_group_name
}

resource "aws_cloudtrail" "group_named_by_variable" {
  name                       = "d"
  s3_bucket_name             = "logs"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.named_by_variable.arn}:*"  # expect: TW004 {{aws_cloudtrail.group_named_by_variable notifies nobody: no metric filter reads log group aws_cloudwatch_log_group.named_by_variable}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/trail"
}
