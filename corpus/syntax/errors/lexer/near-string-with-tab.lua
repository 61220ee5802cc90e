x = 1 "a\tb"
