# A call written on one line.
module "defaults" { source = "../defaults" }
