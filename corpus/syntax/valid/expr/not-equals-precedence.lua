x = not a == b
y = not (a == b)
