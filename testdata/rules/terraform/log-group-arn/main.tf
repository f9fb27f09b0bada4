# TW002 in Terraform: since AWS provider 3.0 aws_cloudwatch_log_group.x.arn has no :* suffix.
resource "aws_cloudwatch_log_group" "trail" {
  name = "CloudTrail/audit"
}

resource "aws_iam_role" "trail" {
  name               = "trail"
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "cloudtrail.amazonaws.com" } }] })
}

resource "aws_cloudtrail" "arn_without_wildcard" {
  name                       = "a"
  cloud_watch_logs_group_arn = aws_cloudwatch_log_group.trail.arn  # expect: TW002 {{aws_cloudtrail.arn_without_wildcard's log group is not one CloudTrail accepts: cloud_watch_logs_group_arn is the ARN of log group aws_cloudwatch_log_group.trail without the :* CloudTrail requires (this ARN has no :* suffix): append :*}} TW004 {{aws_cloudtrail.arn_without_wildcard notifies nobody: no metric filter reads log group aws_cloudwatch_log_group.trail}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = aws_iam_role.trail.arn
}

resource "aws_cloudtrail" "name_instead_of_arn" {
  name                       = "b"
  cloud_watch_logs_group_arn = aws_cloudwatch_log_group.trail.name  # expect: TW002 {{aws_cloudtrail.name_instead_of_arn's log group is not one CloudTrail accepts: cloud_watch_logs_group_arn is the name of log group aws_cloudwatch_log_group.trail, not its ARN: refer to its arn and append :*}} TW004 {{aws_cloudtrail.name_instead_of_arn notifies nobody: no metric filter reads log group aws_cloudwatch_log_group.trail}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = aws_iam_role.trail.arn
}

resource "aws_cloudtrail" "format_of_empty" {
  name                       = "c"
  cloud_watch_logs_group_arn = format("%s:*", var.group_arn)  # expect: TW002 {{aws_cloudtrail.format_of_empty's log group is not one CloudTrail accepts: cloud_watch_logs_group_arn is ":*", not an ARN: CloudTrail needs the log group's ARN, arn:PARTITION:logs:REGION:ACCOUNT:log-group:NAME:*}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = aws_iam_role.trail.arn
}

resource "aws_cloudtrail" "undeclared" {
  name                       = "d"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.other.arn}:*"  # expect: TW002 {{aws_cloudtrail.undeclared's log group is not one CloudTrail accepts: cloud_watch_logs_group_arn refers to aws_cloudwatch_log_group.other, which is not declared}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = aws_iam_role.trail.arn
}

# Near misses: all correct.
resource "aws_cloudtrail" "interpolated" {
  name                       = "e"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"  # expect: TW004 {{aws_cloudtrail.interpolated notifies nobody: no metric filter reads log group aws_cloudwatch_log_group.trail}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = aws_iam_role.trail.arn
}

resource "aws_cloudtrail" "formatted" {
  name                       = "f"
  cloud_watch_logs_group_arn = format("%s:*", aws_cloudwatch_log_group.trail.arn)  # expect: TW004 {{aws_cloudtrail.formatted notifies nobody: no metric filter reads log group aws_cloudwatch_log_group.trail}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = aws_iam_role.trail.arn
}

resource "aws_cloudtrail" "from_data_source" {
  name                       = "g"
  cloud_watch_logs_group_arn = "${data.aws_cloudwatch_log_group.shared.arn}:*"
  cloud_watch_logs_role_arn  = aws_iam_role.trail.arn
}

variable "group_arn" {
  default = ""
}
