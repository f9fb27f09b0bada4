# A log group and a role CloudTrail can use are already here: the fix uses them.
resource "aws_cloudwatch_log_group" "audit" {
  name = "audit"
}

resource "aws_iam_role" "delivery" {
  assume_role_policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "cloudtrail.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy" "delivery" {
  role = aws_iam_role.delivery.id
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = ["logs:CreateLogStream", "logs:PutLogEvents"], Resource = "${aws_cloudwatch_log_group.audit.arn}:*" }]
  })
}

resource "aws_cloudtrail" "audit" {
  name           = "audit"
  s3_bucket_name = "audit-logs"
}

resource "aws_cloudtrail" "wildcard" {
  name                       = "wildcard"
  s3_bucket_name             = "audit-logs"
  cloud_watch_logs_group_arn = aws_cloudwatch_log_group.audit.arn # no :*
  cloud_watch_logs_role_arn  = aws_iam_role.delivery.arn
}
