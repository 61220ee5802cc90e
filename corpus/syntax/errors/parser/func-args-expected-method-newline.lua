a:m
x = 1
