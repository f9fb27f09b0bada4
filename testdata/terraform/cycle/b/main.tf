module "a" {
  source = "../a"
}
# expect-error: ../a/main.tf:2:3 {{module b calls testdata/terraform/cycle/b, which is already calling it: a cycle of module calls}}
