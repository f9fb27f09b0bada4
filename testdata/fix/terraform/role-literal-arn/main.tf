# Tab-indented, a literal log group ARN, statements on one line with quoted keys.
resource "aws_iam_role" "delivery" {
	assume_role_policy = jsonencode({
		"Statement" = [{ "Effect" = "Allow", "Action" = "sts:AssumeRole", "Principal" = { "Service" = "cloudtrail.amazonaws.com" } }]
	})
}

resource "aws_iam_role_policy" "delivery" {
	role = aws_iam_role.delivery.id
	policy = jsonencode({
		"Version" = "2012-10-17"
		"Statement" = [
			{ "Effect" = "Allow", "Action" = "logs:CreateLogStream", "Resource" = "*" },
		]
	})
}

resource "aws_cloudtrail" "audit" {
	name                       = "audit"
	s3_bucket_name             = "audit-logs"
	cloud_watch_logs_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:audit:*"
	cloud_watch_logs_role_arn  = aws_iam_role.delivery.arn
}
