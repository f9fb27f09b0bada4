# Calls the same module with arguments that wire it correctly: nothing to report.
module "audit" {
  source        = "../../modules/cloudtrail"
  name          = "staging-audit"
  log_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:staging-audit:*"
  role_arn      = "arn:aws:iam::111122223333:role/staging-trail-to-logs"
}
