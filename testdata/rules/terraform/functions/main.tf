# Terraform functions with Terraform's semantics (checked against terraform console 1.11).
variable "log_group_arn" {
  type    = string
  default = null
}

resource "aws_cloudwatch_log_group" "trail" {
  name = "CloudTrail/functions"
}

resource "aws_cloudwatch_log_metric_filter" "root" {
  name           = "root-usage"
  log_group_name = aws_cloudwatch_log_group.trail.name
  pattern        = "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }"
  metric_transformation {
    name      = "RootUsage"
    namespace = "Audit"
    value     = "1"
  }
}

resource "aws_sns_topic" "audit" {
  name = "audit"
}

resource "aws_cloudwatch_metric_alarm" "root" {
  alarm_name          = "root-usage"
  metric_name         = "RootUsage"
  namespace           = "Audit"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  alarm_actions       = [aws_sns_topic.audit.arn]
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

# The streams of the trail's group, built with formatlist() as the VPC flow-log module does.
data "aws_iam_policy_document" "deliver" {
  statement {
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = formatlist("%s:*", [aws_cloudwatch_log_group.trail.arn])
  }
}

resource "aws_iam_role" "trail" {
  name               = "functions-trail"
  assume_role_policy = data.aws_iam_policy_document.trust.json
  inline_policy {
    name   = "deliver"
    policy = data.aws_iam_policy_document.deliver.json
  }
}

# coalesce() skips the null variable and takes the group's ARN with :*: right, nothing to report.
resource "aws_cloudtrail" "coalesce_suffixed" {
  name                       = "coalesce-suffixed"
  s3_bucket_name             = "audit"
  cloud_watch_logs_group_arn = coalesce(var.log_group_arn, "${aws_cloudwatch_log_group.trail.arn}:*")
  cloud_watch_logs_role_arn  = aws_iam_role.trail.arn
}

# ... and here the bare ARN, which CloudTrail rejects.
resource "aws_cloudtrail" "coalesce_bare" {
  name                       = "coalesce-bare"
  s3_bucket_name             = "audit"
  cloud_watch_logs_group_arn = coalesce(var.log_group_arn, aws_cloudwatch_log_group.trail.arn)  # expect: TW002 {{aws_cloudtrail.coalesce_bare's log group is not one CloudTrail accepts: cloud_watch_logs_group_arn is the ARN of log group aws_cloudwatch_log_group.trail without the :* CloudTrail requires (this ARN has no :* suffix): append :*}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = aws_iam_role.trail.arn
}

# values() orders by key, so the first value is a's, which lacks :*.
resource "aws_cloudtrail" "values_in_key_order" {
  name           = "values-in-key-order"
  s3_bucket_name = "audit"
  cloud_watch_logs_group_arn = element(values({ z = "arn:aws:logs:eu-west-1:123456789012:log-group:z:*", a = "arn:aws:logs:eu-west-1:123456789012:log-group:a" }), 0)  # expect: TW002 {{aws_cloudtrail.values_in_key_order's log group is not one CloudTrail accepts: cloud_watch_logs_group_arn is "arn:aws:logs:eu-west-1:123456789012:log-group:a", which lacks the :* CloudTrail requires: write "arn:aws:logs:eu-west-1:123456789012:log-group:a:*"}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn = aws_iam_role.trail.arn
}

# one() fails on two elements, so try() falls back to "".
resource "aws_cloudtrail" "one_of_two" {
  name                       = "one-of-two"
  s3_bucket_name             = "audit"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn  = try(one([aws_iam_role.trail.arn, "arn:aws:iam::123456789012:role/other"]), "")  # expect: TW001 {{aws_cloudtrail.one_of_two is not integrated with CloudWatch Logs: cloud_watch_logs_role_arn is empty}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
}

# Policies read from files beside the module: file() and templatefile() on path.module.
resource "aws_iam_role" "from_files" {
  name               = "from-files"
  assume_role_policy = file("${path.module}/policies/cloudtrail-trust.json")
  inline_policy {
    name   = "deliver"
    policy = templatefile("${path.module}/policies/deliver.json.tpl", { log_group_arn = aws_cloudwatch_log_group.trail.arn })
  }
}

resource "aws_cloudtrail" "from_files" {
  name                       = "from-files"
  s3_bucket_name             = "audit"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn  = aws_iam_role.from_files.arn
}

resource "aws_iam_role" "ec2_from_file" {
  name               = "ec2-from-file"
  assume_role_policy = file("${path.module}/policies/ec2-trust.json")
  inline_policy {
    name   = "deliver"
    policy = templatefile("${path.module}/policies/deliver.json.tpl", { log_group_arn = aws_cloudwatch_log_group.trail.arn })
  }
}

resource "aws_cloudtrail" "ec2_from_file" {
  name                       = "ec2-from-file"
  s3_bucket_name             = "audit"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn  = aws_iam_role.ec2_from_file.arn  # expect: TW003 {{aws_cloudtrail.ec2_from_file's CloudWatch Logs role cannot deliver: cloud_watch_logs_role_arn names a role whose trust policy does not let cloudtrail.amazonaws.com sts:AssumeRole (aws_iam_role.ec2_from_file at testdata/rules/terraform/functions/main.tf:117)}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
}
