# Structure: attributes, blocks with quoted and bare labels, one-line blocks.
region = "eu-west-1"

resource "aws_cloudtrail" main {
  name = "audit"
  nested {
    deep = true
  }
}

one_line "a" { value = 1 }
empty_one_line {}
empty {
}
// slash comment
/* block
   comment */ after_block_comment = 2
