x = 3g
