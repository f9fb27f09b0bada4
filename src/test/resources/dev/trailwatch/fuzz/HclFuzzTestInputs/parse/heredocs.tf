plain = <<EOT
Hello ${var.name}
this line ends with EOT
  EOTX is not the end either
EOT
indented = <<-END
    first
      second
    ${var.third}
    END
empty = <<NONE
NONE
policy = jsonencode(<<JSON
{"a": 1}
JSON
)
