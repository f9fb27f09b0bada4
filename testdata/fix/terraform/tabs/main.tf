# Indented with tabs, and no newline at the end.
resource "aws_s3_bucket" "logs" {
	bucket = "audit-logs"
}

resource "aws_cloudtrail" "audit" {
	name           = "audit"
	s3_bucket_name = aws_s3_bucket.logs.id

	event_selector {
		read_write_type = "All"
	}
}