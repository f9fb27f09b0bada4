# Partly known values in Terraform: data sources that describe where the configuration runs
# (partition, region, account) and references inside templates and format() are judged on the
# known parts (TW002, TW003); a log group named inside an ARN is the trail's (TW004); a policy
# written for another log group or service does not count (TW003). Near misses stay silent.
data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  prefix = "arn:${data.aws_partition.current.partition}:logs:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}"
}

resource "aws_cloudwatch_log_group" "audit" {
  name = "audit"
}

resource "aws_cloudwatch_log_group" "unwatched" {
  name = "unwatched"
}

resource "aws_cloudwatch_log_metric_filter" "denied" {
  name           = "denied"
  log_group_name = aws_cloudwatch_log_group.audit.name
  pattern        = "{ $.errorCode = \"AccessDenied\" }"
  metric_transformation {
    name      = "Denied"
    namespace = "Audit"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "denied" {
  alarm_name          = "denied"
  metric_name         = "Denied"
  namespace           = "Audit"
  comparison_operator = "GreaterThanOrEqualToThreshold"
  evaluation_periods  = 1
  threshold           = 1
  alarm_actions       = ["arn:aws:sns:us-east-1:123456789012:alerts"]
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["cloudtrail.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "deliver" {
  statement {
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${local.prefix}:log-group:${aws_cloudwatch_log_group.audit.name}:log-stream:*"]
  }
}

data "aws_iam_policy_document" "other_group" {
  statement {
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = [format("arn:aws:logs:%s:%s:log-group:other:*", data.aws_region.current.name, data.aws_caller_identity.current.account_id)]
  }
}

data "aws_iam_policy_document" "other_service" {
  statement {
    actions   = ["logs:*"]
    resources = ["arn:${data.aws_partition.current.partition}:s3:::${data.aws_caller_identity.current.account_id}-audit/*"]
  }
}

resource "aws_iam_role" "deliver" {
  name               = "trail-delivery"
  assume_role_policy = data.aws_iam_policy_document.trust.json
  inline_policy {
    name   = "deliver"
    policy = data.aws_iam_policy_document.deliver.json
  }
}

resource "aws_iam_role" "other_group" {
  name               = "other-group-writer"
  assume_role_policy = data.aws_iam_policy_document.trust.json
  inline_policy {
    name   = "deliver"
    policy = data.aws_iam_policy_document.other_group.json
  }
}

resource "aws_iam_role" "other_service" {
  name               = "other-service-writer"
  assume_role_policy = data.aws_iam_policy_document.trust.json
  inline_policy {
    name   = "deliver"
    policy = data.aws_iam_policy_document.other_service.json
  }
}

resource "aws_cloudtrail" "without_wildcard" {
  name                       = "a"
  s3_bucket_name             = "logs"
  cloud_watch_logs_group_arn = "${local.prefix}:log-group:${aws_cloudwatch_log_group.audit.name}"  # expect: TW002 {{aws_cloudtrail.without_wildcard's log group is not one CloudTrail accepts: cloud_watch_logs_group_arn is "arn:PARTITION:logs:REGION:ACCOUNT:log-group:audit", which lacks the :* CloudTrail requires: append :*}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = aws_iam_role.deliver.arn
}

resource "aws_cloudtrail" "region_only" {
  name                       = "b"
  s3_bucket_name             = "logs"
  cloud_watch_logs_group_arn = data.aws_region.current.name  # expect: TW002 {{aws_cloudtrail.region_only's log group is not one CloudTrail accepts: cloud_watch_logs_group_arn is "REGION", not an ARN: CloudTrail needs the log group's ARN, arn:PARTITION:logs:REGION:ACCOUNT:log-group:NAME:*}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = aws_iam_role.deliver.arn
}

resource "aws_cloudtrail" "user_not_role" {
  name                       = "c"
  s3_bucket_name             = "logs"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.audit.arn}:*"
  cloud_watch_logs_role_arn  = format("arn:aws:iam::%s:user/deployer", data.aws_caller_identity.current.account_id)  # expect: TW003 {{aws_cloudtrail.user_not_role's CloudWatch Logs role cannot deliver: cloud_watch_logs_role_arn is "arn:aws:iam::ACCOUNT:user/deployer", which can never be an IAM role ARN (arn:PARTITION:iam::ACCOUNT:role/NAME)}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
}

resource "aws_cloudtrail" "policy_for_another_group" {
  name                       = "d"
  s3_bucket_name             = "logs"
  cloud_watch_logs_group_arn = "${local.prefix}:log-group:audit:*"
  cloud_watch_logs_role_arn  = aws_iam_role.other_group.arn  # expect: TW003 {{aws_cloudtrail.policy_for_another_group's CloudWatch Logs role cannot deliver: cloud_watch_logs_role_arn names a role whose policies do not allow logs:CreateLogStream and logs:PutLogEvents on the trail's log streams (aws_iam_role.other_group at testdata/rules/terraform/partly-known/main.tf:82)}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
}

resource "aws_cloudtrail" "policy_for_another_service" {
  name                       = "e"
  s3_bucket_name             = "logs"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.audit.arn}:*"
  cloud_watch_logs_role_arn  = aws_iam_role.other_service.arn  # expect: TW003 {{aws_cloudtrail.policy_for_another_service's CloudWatch Logs role cannot deliver: cloud_watch_logs_role_arn names a role whose policies do not allow logs:CreateLogStream and logs:PutLogEvents on the trail's log streams (aws_iam_role.other_service at testdata/rules/terraform/partly-known/main.tf:91)}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
}

resource "aws_cloudtrail" "role_by_its_literal_name" {
  name                       = "f"
  s3_bucket_name             = "logs"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.audit.arn}:*"
  cloud_watch_logs_role_arn  = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:role/other-group-writer"  # expect: TW003 {{aws_cloudtrail.role_by_its_literal_name's CloudWatch Logs role cannot deliver: cloud_watch_logs_role_arn names a role whose policies do not allow logs:CreateLogStream and logs:PutLogEvents on the trail's log streams (aws_iam_role.other_group at testdata/rules/terraform/partly-known/main.tf:82)}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
}

resource "aws_cloudtrail" "unwatched_through_template" {
  name                       = "g"
  s3_bucket_name             = "logs"
  cloud_watch_logs_group_arn = "${local.prefix}:log-group:${aws_cloudwatch_log_group.unwatched.name}:*"  # expect: TW004 {{aws_cloudtrail.unwatched_through_template notifies nobody: no metric filter reads log group aws_cloudwatch_log_group.unwatched}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/elsewhere"
}

resource "aws_cloudtrail" "unwatched_by_literal_name" {
  name                       = "h"
  s3_bucket_name             = "logs"
  cloud_watch_logs_group_arn = "arn:aws:logs:us-east-1:123456789012:log-group:unwatched:*"  # expect: TW004 {{aws_cloudtrail.unwatched_by_literal_name notifies nobody: no metric filter reads log group aws_cloudwatch_log_group.unwatched}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/elsewhere"
}

# Near misses: all correct.
resource "aws_cloudtrail" "template_of_every_part" {
  name                       = "i"
  s3_bucket_name             = "logs"
  cloud_watch_logs_group_arn = "${local.prefix}:log-group:${aws_cloudwatch_log_group.audit.name}:*"
  cloud_watch_logs_role_arn  = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:role/${aws_iam_role.deliver.name}"
}

resource "aws_cloudtrail" "formatted" {
  name                       = "j"
  s3_bucket_name             = "logs"
  cloud_watch_logs_group_arn = format("%s:log-group:%s:*", local.prefix, aws_cloudwatch_log_group.audit.name)
  cloud_watch_logs_role_arn  = format("arn:aws:iam::%s:role/trail-delivery", data.aws_caller_identity.current.account_id)
}
