deliver = true
