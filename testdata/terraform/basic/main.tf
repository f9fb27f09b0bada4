# Trails in one module: missing, empty, null, from a variable's default, and behind a condition.

resource "aws_cloudtrail" "missing" {  # expect@1-36: TW001 {{aws_cloudtrail.missing is not integrated with CloudWatch Logs: cloud_watch_logs_group_arn and cloud_watch_logs_role_arn are not set}}
  name           = "audit"
  s3_bucket_name = "audit-logs"
}

resource "aws_cloudtrail" "empty" {
  name                       = "audit"
  s3_bucket_name             = "audit-logs"
  cloud_watch_logs_group_arn = ""  # expect: TW001 {{aws_cloudtrail.empty is not integrated with CloudWatch Logs: cloud_watch_logs_group_arn is empty; cloud_watch_logs_role_arn is null}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = null
}

resource "aws_cloudtrail" "from_default" {
  name                       = "audit"
  s3_bucket_name             = "audit-logs"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"  # expect: TW004 {{aws_cloudtrail.from_default notifies nobody: no metric filter reads log group aws_cloudwatch_log_group.trail}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = var.trail_role_arn  # expect: TW001 {{aws_cloudtrail.from_default is not integrated with CloudWatch Logs: cloud_watch_logs_role_arn is empty (from the default of variable trail_role_arn)}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
}

resource "aws_cloudtrail" "conditional" {
  name                       = "audit"
  s3_bucket_name             = "audit-logs"
  cloud_watch_logs_group_arn = var.deliver ? "${aws_cloudwatch_log_group.trail.arn}:*" : ""  # expect: TW001 {{aws_cloudtrail.conditional is not integrated with CloudWatch Logs: cloud_watch_logs_group_arn is empty when condition var.deliver is false}} TW004 {{aws_cloudtrail.conditional notifies nobody: no metric filter reads log group aws_cloudwatch_log_group.trail}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = aws_iam_role.trail.arn
}

# Known from its default: the true branch is the one deployed, and it is complete.
resource "aws_cloudtrail" "defaulted_condition" {
  name                       = "audit"
  s3_bucket_name             = "audit-logs"
  cloud_watch_logs_group_arn = var.logs_enabled ? "${aws_cloudwatch_log_group.trail.arn}:*" : null  # expect: TW004 {{aws_cloudtrail.defaulted_condition notifies nobody: no metric filter reads log group aws_cloudwatch_log_group.trail}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = var.logs_enabled ? aws_iam_role.trail.arn : null
}

# count = 0: never created, never checked.
resource "aws_cloudtrail" "disabled" {
  count = 0
  name  = "never"
}

# count = 0.5: Terraform rejects a count that is not a whole number; judged once, not dropped.
resource "aws_cloudtrail" "fractional" {  # expect@1-39: TW001 {{aws_cloudtrail.fractional is not integrated with CloudWatch Logs: cloud_watch_logs_group_arn and cloud_watch_logs_role_arn are not set}}
  count = 0.5
  name  = "fractional"
}

# Literal count and for_each: one finding per instance, each with its address.
resource "aws_cloudtrail" "counted" {  # expect@1-36: TW001 {{aws_cloudtrail.counted[0] is not integrated with CloudWatch Logs: cloud_watch_logs_role_arn is not set}} TW001 {{aws_cloudtrail.counted[1] is not integrated with CloudWatch Logs: cloud_watch_logs_role_arn is not set}}
  count                      = 2
  name                       = "audit-${count.index}"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"  # expect: TW004 {{aws_cloudtrail.counted[0] notifies nobody: no metric filter reads log group aws_cloudwatch_log_group.trail}} TW004 {{aws_cloudtrail.counted[1] notifies nobody: no metric filter reads log group aws_cloudwatch_log_group.trail}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
}

resource "aws_cloudtrail" "per_region" {
  for_each                   = { eu = "", us = "" }
  name                       = "audit-${each.key}"
  cloud_watch_logs_group_arn = each.value  # expect: TW001 {{aws_cloudtrail.per_region["eu"] is not integrated with CloudWatch Logs: cloud_watch_logs_group_arn is empty}} TW001 {{aws_cloudtrail.per_region["us"] is not integrated with CloudWatch Logs: cloud_watch_logs_group_arn is empty}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = aws_iam_role.trail.arn
}

# count from a variable: some environment creates it, so it is checked, once, without an index.
resource "aws_cloudtrail" "optional" {  # expect@1-37: TW001 {{aws_cloudtrail.optional is not integrated with CloudWatch Logs: cloud_watch_logs_group_arn and cloud_watch_logs_role_arn are not set}}
  count = var.create_optional ? 1 : 0
  name  = "optional"
}

resource "aws_cloudtrail" "integrated" {
  name                       = "audit"
  s3_bucket_name             = "audit-logs"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"  # expect: TW004 {{aws_cloudtrail.integrated notifies nobody: no metric filter reads log group aws_cloudwatch_log_group.trail}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = aws_iam_role.trail.arn
}

resource "aws_cloudwatch_log_group" "trail" {
  name = "CloudTrail/audit"
}

resource "aws_iam_role" "trail" {
  name               = "cloudtrail-to-cloudwatch"
  assume_role_policy = data.aws_iam_policy_document.trust.json
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
