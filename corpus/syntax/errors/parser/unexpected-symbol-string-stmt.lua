"str" = 1
