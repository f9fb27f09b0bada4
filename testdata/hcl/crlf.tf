crlf = "windows"
block {
  inner = 1
}
