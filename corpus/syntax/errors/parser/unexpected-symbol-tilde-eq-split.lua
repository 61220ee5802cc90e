x = a ~ = b
