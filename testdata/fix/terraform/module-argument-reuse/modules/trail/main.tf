variable "log_group_arn" {
	type    = string
	default = ""
}

variable "role_arn" {
	type = string
}

resource "aws_cloudtrail" "main" {
	name                       = "audit"
	s3_bucket_name             = "audit-logs"
	cloud_watch_logs_group_arn = var.log_group_arn
	cloud_watch_logs_role_arn  = var.role_arn
}
