tuple          = [1, "two", [3]]
trailing_comma = [
  "a",
  "b",
]
object = {
  name = "x"   # a comment inside an object
  "quoted key" = 1
  colon: 2,
  (var.dynamic) = 3
}
one_line_object = { a = 1, b = 2 }
empty_tuple     = []
empty_object    = {}
