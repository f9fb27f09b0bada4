# module "lib" {
#   source = "../lib"
# }
// source = "../lib"
