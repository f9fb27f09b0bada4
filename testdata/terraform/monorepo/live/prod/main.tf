# A configuration that calls the module of this repository twice, and a registry module.
variable "log_group_arn" {
  type    = string
  default = "arn:aws:logs:eu-west-1:111122223333:log-group:prod-audit:*"
}

module "audit" {
  source        = "../../modules/cloudtrail"
  name          = "prod-audit"
  log_group_arn = var.log_group_arn
  role_arn      = "arn:aws:iam::111122223333:role/prod-trail-to-logs"
}

module "backup" {
  source        = "../../modules/cloudtrail"
  name          = "prod-backup"
  log_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:prod-backup:*"
  role_arn      = ""
}

# Installed by terraform init under .terraform/modules: its findings are its authors' business.
module "vendor" {
  source  = "example/cloudtrail/aws"
  version = "1.0.0"
}
