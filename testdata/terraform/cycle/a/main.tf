module "b" {
  source = "../b"
}
# expect-error: the call above closes a cycle of module calls (an input error at the call)
