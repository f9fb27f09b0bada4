a = <<EOT
no closing marker
