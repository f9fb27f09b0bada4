# Makes the same mistake as live/prod under the same module name: where both are scanned, the
# module's finding is reported once, with both arguments as its related locations.
module "backup" {
  source        = "../../modules/cloudtrail"
  name          = "dev-backup"
  log_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:dev-backup:*"
  role_arn      = ""
}
