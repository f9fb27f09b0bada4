group_from_tfvars = ""
role_from_json    = ""
