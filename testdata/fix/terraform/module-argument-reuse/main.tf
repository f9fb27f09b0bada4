# Tab-indented; the log group declared here is reused, the role is given.
resource "aws_cloudwatch_log_group" "audit" {
	name              = "audit"
	retention_in_days = 365
}

module "trail" {
	source   = "./modules/trail"
	role_arn = "arn:aws:iam::123456789012:role/cloudtrail-to-cloudwatch"
}
