block "x" {
  inner {
    a = 1
  }
  b = [1,
