precedence  = 1 + 2 * 3 - 4 / 2 % 3
logic       = a || b && !c
compare     = x >= 1 == y < 2
unary       = -var.n.m
conditional = var.a ? "yes" : var.b ? "maybe" : "no"
grouped     = (1 + 2) * 3
for_tuple   = [for s in var.list : upper(s) if s != ""]
for_object  = { for k, v in var.map : v => k... if k != "skip" }
attr_splat  = aws_instance.web.*.id
full_splat  = var.list[*].tags["Name"]
legacy      = aws_instance.web.0.id
index       = var.map["key"][0]
call        = max(1, 2, var.more...)
namespaced  = provider::aws::arn_parse(var.arn)
multi_line  = merge(
  var.a,
  var.b
)
