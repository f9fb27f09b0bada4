variable "trail_role_arn" {
  type    = string
  default = ""
}

variable "deliver" {
  type = bool
}

variable "logs_enabled" {
  type    = bool
  default = true
}

variable "create_optional" {
  type    = bool
  default = false
}
