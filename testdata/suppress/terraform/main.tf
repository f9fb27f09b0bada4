# Inline suppressions in HCL: # and // comments, before a resource or inside it.

# trailwatch:ignore TW001 archive-only trail; delivery is set up by the organization trail
resource "aws_cloudtrail" "archive" {
  name = "archive"
}

resource "aws_cloudtrail" "inside" {
  // trailwatch:ignore TW001,TW005 being decommissioned exp:2099-01-01
  name           = "inside"
  enable_logging = false
}

// trailwatch:ignore TW001
resource "aws_cloudtrail" "no_reason" {
  name = "no-reason"
}

# trailwatch:ignore TW001 regional archive trails; delivery is set up by the organization trail
resource "aws_cloudtrail" "regional" {
  count = 2
  name  = "regional-${count.index}"
}

// trailwatch:ignore TW001
resource "aws_cloudtrail" "regional_no_reason" {
  count = 2
  name  = "regional-no-reason-${count.index}"
}
