one_line { a = 1
 b = 2 }
