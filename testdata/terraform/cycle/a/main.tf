module "b" {
  source = "../b"
}
# expect-error: ../b/main.tf:2:3 {{module a calls testdata/terraform/cycle/a, which is already calling it: a cycle of module calls}}
